// Served by Dash from dashboards/assets. Cell renderers for the Claims grid: React elements,
// so a document title stays text whatever it holds.
var dagcomponentfuncs = (window.dashAgGridComponentFunctions =
  window.dashAgGridComponentFunctions || {});

// The document's title, a link to the Sources view scrolled to the claim's mark.
dagcomponentfuncs.DocumentLink = function (props) {
  if (!props.data) {
    return null;
  }
  return React.createElement(
    "a",
    { href: props.data.document_href, title: props.data.document },
    props.value
  );
};
