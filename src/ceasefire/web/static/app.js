// Light JavaScript: changing a filter reloads the page with it. Everything works without this file.
(function () {
  "use strict";
  document.querySelectorAll("form.filters select[data-filter]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();
