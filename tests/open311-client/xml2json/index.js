// xml2json@0.2.4's toJson: an element is an object of its children (a repeated name becomes an
// array), a text-only element its text, the root kept as the one key; {object: true} returns the
// object, otherwise its JSON.
const { DOMParser } = require("@xmldom/xmldom");

function convert(element) {
  const children = Array.from(element.childNodes).filter((n) => n.nodeType === 1);
  if (!children.length && !element.attributes.length) return element.textContent;
  const result = {};
  for (const attribute of Array.from(element.attributes)) result[attribute.name] = attribute.value;
  for (const child of children) {
    const value = convert(child);
    if (!Object.hasOwn(result, child.nodeName)) result[child.nodeName] = value;
    else if (Array.isArray(result[child.nodeName])) result[child.nodeName].push(value);
    else result[child.nodeName] = [result[child.nodeName], value];
  }
  return result;
}

exports.toJson = (xml, options) => {
  const root = new DOMParser().parseFromString(xml, "text/xml").documentElement;
  const object = { [root.nodeName]: convert(root) };
  return options?.object ? object : JSON.stringify(object);
};
