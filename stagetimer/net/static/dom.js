/* The few DOM helpers the views build their pages with. Text only: a title
 * or a speaker's name is never parsed as HTML, whatever it contains.
 * ES5 only (old iPads run Safari 12).
 */
(function (window) {
  "use strict";

  var ST = window.StageTimer || (window.StageTimer = {});
  var document = window.document;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) {
      node.className = cls;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  /** A new element appended to ``parent``: how every view builds its rows. */
  function add(parent, tag, cls, text) {
    var node = el(tag, cls, text);
    parent.appendChild(node);
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  /** Writes only when the text changed: a tick that changes nothing costs no layout. */
  function setText(node, text) {
    var value = text === undefined || text === null ? "" : String(text);
    if (node && node.textContent !== value) {
      node.textContent = value;
    }
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  ST.el = el;
  ST.add = add;
  ST.byId = byId;
  ST.setText = setText;
  ST.clear = clear;
})(window);
