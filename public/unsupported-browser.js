/*
 * Runs only in browsers that cannot run the site's scripts (no ES modules:
 * Internet Explorer, the 兼容模式 of 360/QQ/奇安信, Chromium before 61),
 * loaded by <script nomodule>. ES5 on purpose. Says what still works and
 * how to get the rest; the texts themselves read and print without scripts.
 */
(function () {
  var notice = document.createElement('div');
  notice.className = 'unsupported-browser';
  notice.setAttribute('role', 'alert');
  notice.innerHTML =
    '<p><strong>您的浏览器版本过旧，或处于“兼容模式”。</strong>文件正文可以照常阅读、打印，但搜索、年度自查和汇总无法使用。</p>' +
    '<p>使用 360、QQ、奇安信等浏览器的，请点击地址栏右侧的图标切换到“极速模式”；' +
    '或改用 Chrome、Edge 86 及以上，Firefox 115 及以上，Safari 14 及以上版本。</p>';
  var main = document.getElementById('main');
  if (main && main.parentNode) main.parentNode.insertBefore(notice, main);
  else document.body.insertBefore(notice, document.body.firstChild);
})();
