/* The list of views, each link carrying the same token as this page. */
(function (window) {
  "use strict";
  var document = window.document;
  var VIEWS = [
    ["presenter", "발표자 화면", "Presenter (lectern monitor)"],
    ["projector", "프로젝터 화면", "Projector (audience screen)"],
    ["backstage", "대기실 화면", "Backstage (green room)"],
    ["agenda", "진행 순서", "Agenda (phones)"],
    ["remote", "리모컨 (무대 감독)", "Remote (stage manager, control key)"]
  ];
  var screen = document.getElementById("screen");
  var title = document.createElement("h1");
  title.className = "i-title";
  title.textContent = "StageTimer";
  screen.appendChild(title);
  var list = document.createElement("ul");
  list.className = "i-list";
  var search = window.location.search || "";
  for (var i = 0; i < VIEWS.length; i++) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.className = "i-link";
    link.href = "/view/" + VIEWS[i][0] + search;
    var ko = document.createElement("span");
    ko.className = "i-ko";
    ko.textContent = VIEWS[i][1];
    var en = document.createElement("span");
    en.className = "i-en";
    en.textContent = VIEWS[i][2];
    link.appendChild(ko);
    link.appendChild(en);
    li.appendChild(link);
    list.appendChild(li);
  }
  screen.appendChild(list);
})(window);
