// mirps site: an optional filter above the longer tables. The pages are whole without it: it
// only adds a search box, and hides the rows that do not contain what is typed.
(function () {
  "use strict";
  var tables = document.querySelectorAll("table[data-filter]");
  Array.prototype.forEach.call(tables, function (table, n) {
    var box = document.createElement("p");
    box.className = "filter";
    var label = document.createElement("label");
    var id = "filter-" + (n + 1);
    label.setAttribute("for", id);
    label.textContent = table.getAttribute("data-filter") + " ";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.title = table.getAttribute("data-filter-hint") || "";
    box.appendChild(label);
    box.appendChild(input);
    var holder = table.parentNode;
    holder.parentNode.insertBefore(box, holder);
    input.addEventListener("input", function () {
      var words = input.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.textContent.toLocaleLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) !== -1; });
      });
    });
  });
})();
