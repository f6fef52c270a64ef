// codeforamerica/node-sparkxml's convertElementToObject (BSD-3-Clause, Code for America), on
// @xmldom/xmldom instead of the native libxmljs; type hints (unused by the open311 client) left out.
const { DOMParser } = require("@xmldom/xmldom");

exports.parseXml = (xmlString, options) => exports.parse(xmlString, options);

exports.parse = (xmlString, options) => {
  const parseTypes =
    typeof options === "boolean"
      ? options
      : options && "parseTypes" in options
        ? options.parseTypes
        : true;
  const document = new DOMParser().parseFromString(xmlString, "text/xml");
  return convertElementToObject(document.documentElement, parseTypes);
};

function convertElementToObject(xmlElement, parseTypes) {
  const childElements = Array.from(xmlElement.childNodes).filter((n) => n.nodeType === 1);
  // if there are no children, parse the content
  if (childElements.length === 0) {
    const value = xmlElement.childNodes.length === 0 ? null : xmlElement.textContent;
    return parseTypes && value != null && value !== "" ? parseValue(value) : value;
  }
  // if there's 1 child, it's an array, otherwise we have to detect repeated element names
  let elementIsList = childElements.length === 1;
  let resultObject = elementIsList ? [] : {};
  for (const childElement of childElements) {
    const childName = childElement.prefix
      ? `${childElement.prefix}:${childElement.localName}`
      : childElement.localName;
    // if we're trying to overwrite the same name, switch to using an array
    if (!elementIsList && Object.hasOwn(resultObject, childName)) {
      elementIsList = true;
      resultObject = Object.values(resultObject);
    }
    const childObject = convertElementToObject(childElement, parseTypes);
    if (elementIsList) resultObject.push(childObject);
    else resultObject[childName] = childObject;
  }
  return resultObject;
}

function parseValue(value) {
  const numberValue = Number(value);
  if (!Number.isNaN(numberValue)) return numberValue;
  const lowerValue = value.toLowerCase();
  if (lowerValue === "true") return true;
  if (lowerValue === "false") return false;
  return value;
}
