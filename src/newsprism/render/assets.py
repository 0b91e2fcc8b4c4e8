"""The CSS and the script inlined into every HTML page (no CDN, works offline).

The script does one thing: a button with ``data-hl="KEY"`` marks every passage
of the sources whose ``data-k`` lists KEY, says how many it marked in the
live region ``#hl-status`` and scrolls the sources to the first one. Without
the script every citation is still a link to its passage.
"""

from __future__ import annotations

CSS = """
:root{--ink:#1a1a1a;--muted:#4d4d4d;--line:#c8c8c8;--bg:#fff;--soft:#f4f4f2;--accent:#0b4f8a;
--hl:#ffe066;--hl-ink:#000;--conflict:#9b1c1c;--variant:#7a4b00;--ok:#1d5e2c}
*{box-sizing:border-box}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);
background:var(--bg);margin:0}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,summary:focus-visible{outline:3px solid var(--accent);
outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header.top{padding:1rem 1.5rem;border-bottom:1px solid var(--line)}
header.top h1{margin:0 0 .25rem;font-size:1.6rem}
.muted{color:var(--muted)}
main{padding:0 1.5rem 3rem}
.story{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:2rem;
border-bottom:2px solid var(--line);padding-bottom:2rem}
.account h2{font-size:1.45rem;margin:1.25rem 0 .25rem}
.account h3{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
.sources{position:sticky;top:0;max-height:100vh;overflow:auto;border-left:1px solid var(--line);
padding:0 0 2rem 1rem}
.sources h3{font-size:1.1rem;margin:1rem 0 .25rem}
.src{margin:0 0 1.25rem}.src h4{margin:.75rem 0 .1rem;font-size:1rem}
.text{white-space:pre-wrap;font-size:.92rem;background:var(--soft);padding:.6rem .75rem;
border-radius:4px}
.c{background:transparent}
.c.hl,mark{background:var(--hl);color:var(--hl-ink);box-shadow:0 2px 0 #8a6d00}
ul.facts{list-style:none;padding:0;margin:0}
ul.facts>li{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;margin:.6rem 0}
li.conflict{border-left:6px solid var(--conflict)}li.variant{border-left:6px solid var(--variant)}
li.corroborated{border-left:6px solid var(--ok)}
button.fact{font:inherit;text-align:left;background:none;border:0;padding:0;color:var(--ink);
cursor:pointer;font-weight:600}
button.fact:hover{text-decoration:underline}
button.fact[aria-pressed=true]{background:var(--hl)}
.badge{display:inline-block;font-size:.78rem;font-weight:600;padding:0 .4rem;border-radius:3px;
color:#fff;margin-right:.35rem;vertical-align:1px}
.b-conflict{background:var(--conflict)}.b-variant{background:var(--variant)}
.b-corroborated{background:var(--ok)}.b-single{background:#555}
.support{font-size:.9rem;color:var(--muted)}
ol.wordings{margin:.4rem 0 0;padding-left:1.2rem}ol.wordings li{margin:.3rem 0}
.diffval{font-weight:700;text-decoration:underline;text-decoration-style:wavy;
text-decoration-color:var(--conflict)}
del{background:#fde2e2;color:#7a0000}ins{background:#dcf5dc;color:#0a4a12;text-decoration:none}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:var(--soft)}
table.matrix td.cell{text-align:center;min-width:2.2rem}
.matrix .yes{color:var(--ok);font-weight:700}.matrix .diff{color:var(--conflict);font-weight:700}
.scroll{overflow-x:auto}
#hl-status{position:sticky;top:0;z-index:2;background:var(--bg);min-height:1.5em;
margin:0;padding:.3rem 0;font-size:.9rem;color:var(--muted)}
details{margin:.4rem 0}summary{cursor:pointer}
form.add{display:grid;gap:.5rem;max-width:40rem;margin:1rem 0;padding:1rem;
border:1px solid var(--line);border-radius:6px}
form.add textarea{min-height:8rem;font:inherit}
form.add input[type=text],form.add input[type=url]{font:inherit;padding:.3rem}
nav.pages{margin:1rem 0}
@media (max-width:900px){.story{display:block}.sources{position:static;max-height:none;
border:0;padding:0}}
@media print{.skip,#hl-status,nav.pages,form.add{display:none}
.story{display:block}.sources{position:static;max-height:none;overflow:visible;border:0;padding:0}
.text{background:none;border:1px solid var(--line)}a{color:inherit}
button.fact{font-weight:700}ul.facts>li{break-inside:avoid}}
"""

JS = """
(function(){
  function clear(){
    document.querySelectorAll('.c.hl').forEach(function(x){x.classList.remove('hl');});
    document.querySelectorAll('[data-hl][aria-pressed=true]').forEach(function(x){
      x.setAttribute('aria-pressed','false');});
  }
  document.addEventListener('click',function(e){
    var b=e.target.closest('[data-hl]'); if(!b) return;
    var on=b.getAttribute('aria-pressed')!=='true'; clear();
    var status=document.getElementById('hl-status');
    if(!on){ if(status) status.textContent=''; return; }
    var key=b.getAttribute('data-hl');
    var segs=[].slice.call(document.querySelectorAll('.c')).filter(function(s){
      return (' '+s.getAttribute('data-k')+' ').indexOf(' '+key+' ')>=0;});
    var arts={};
    segs.forEach(function(s){s.classList.add('hl'); arts[s.getAttribute('data-a')]=1;});
    b.setAttribute('aria-pressed','true');
    var n=Object.keys(arts).length;
    if(status) status.textContent='Highlighted '+segs.length+' passage(s) in '+n+' article(s).';
    if(segs.length){
      var pane=segs[0].closest('.sources');
      if(pane && pane.scrollHeight>pane.clientHeight){
        pane.scrollTop+=segs[0].getBoundingClientRect().top-pane.getBoundingClientRect().top-40;
      } else { segs[0].scrollIntoView({block:'nearest'}); }
    }
  });
})();
"""
