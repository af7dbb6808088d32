// Light, optional: filters the findings table rows by the text typed. The report reads fine without it.
(function () {
  "use strict";
  var input = document.getElementById("row-filter");
  if (!input) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.findings tbody tr"));
  input.addEventListener("input", function () {
    var wanted = input.value.trim().toLowerCase();
    rows.forEach(function (row) {
      row.hidden = wanted !== "" && row.textContent.toLowerCase().indexOf(wanted) === -1;
    });
  });
})();
