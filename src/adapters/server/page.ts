/**
 * The questionnaire, report and dashboard page of `xinzhi serve` (GET /):
 * one self-contained HTML page in Chinese and English that talks to the API.
 * Every answer is saved the moment it changes, so a closed tab resumes where it
 * stopped. Text from the database is set with textContent, never as HTML.
 */
export const PAGE = String.raw`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>新质企业自评 · xinzhi assessment</title>
<style>
body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
header{background:#1f4e79;color:#fff;padding:10px 20px;display:flex;gap:16px;align-items:center}
header h1{font-size:18px;margin:0;flex:1} main{max-width:920px;margin:20px auto;padding:0 16px}
section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:14px 18px;margin-bottom:14px}
h2{font-size:16px;margin:6px 0 10px} h3{font-size:15px;margin:14px 0 6px;color:#1f4e79}
.item{border-top:1px solid #eef1f4;padding:10px 0}.help{color:#5b6773;font-size:13px}
label{display:block;margin:2px 0} input[type=text],input[type=password],input[type=email],input[type=number]{padding:5px;width:260px}
button{padding:6px 14px;margin:4px 6px 4px 0;cursor:pointer} .status{font-size:13px;color:#2e7d32;margin-left:8px}
table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #e4e8ec;padding:4px 6px;text-align:left}
.err{color:#b3261e}
</style></head><body>
<header><h1 data-t="title"></h1><button id="lang"></button><button id="logout" hidden data-t="logout"></button></header>
<main id="app"></main>
<script>
const T={title:["新质企业自评","Firm NQPF self-assessment"],logout:["退出","Log out"],login:["登录","Log in"],email:["邮箱","Email"],
password:["密码（至少 10 个字符）","Password (at least 10 characters)"],accept:["接受邀请并创建账户","Accept the invitation and create an account"],
firms:["企业","Firms"],start:["开始新评估","Start a new assessment"],open:["继续填写","Continue"],saved:["已保存","Saved"],saving:["保存中…","Saving…"],
submit:["提交评估","Submit"],report:["查看报告","Report"],dl_html:["HTML（可打印为 PDF）","HTML (print to PDF)"],dl_docx:["Word","Word"],dl_xlsx:["XLSX","XLSX"],level:["等级","Level"],overall:["总分","Overall"],na:["不适用","Not applicable"],
answered:["已答","Answered"],dashboard:["机构看板","Dashboard"],movement:["变化","Change"],none:["尚无","none yet"],
bottleneck:["瓶颈路径","Bottleneck path"],advice:["建议","Advice"],priorities:["优先级（重要性 × 差距）","Priorities (importance × gap)"],
peers:["同行比较","Peers"],peersHidden:["同组企业不足 5 家，不显示同行比较（现有 {n} 家）。","Fewer than 5 firms in the group; no peer comparison ({n} now)."],
back:["返回","Back"],scores:["得分","Scores"]};
let lang=localStorage.getItem("xinzhi-lang")||"zh";const L=k=>T[k][lang==="zh"?0:1];const B=b=>b[lang];
const $=(tag,attrs={},...kids)=>{const e=document.createElement(tag);for(const[k,v]of Object.entries(attrs)){if(k==="on")for(const[ev,f]of Object.entries(v))e.addEventListener(ev,f);else if(k==="text")e.textContent=v;else e.setAttribute(k,v)}for(const c of kids)e.append(c);return e};
async function api(method,url,body){const r=await fetch(url,{method,headers:body?{"content-type":"application/json"}:{},body:body?JSON.stringify(body):undefined});
const j=await r.json().catch(()=>null);if(!r.ok)throw Object.assign(new Error(j&&j.message?B(j.message):String(r.status)),{status:r.status});return j}
const app=document.getElementById("app");let instrument=null;let view=()=>home();
function paint(){document.documentElement.lang=lang==="zh"?"zh-CN":"en";document.querySelectorAll("[data-t]").forEach(e=>e.textContent=L(e.dataset.t));document.getElementById("lang").textContent=lang==="zh"?"English":"中文";}
document.getElementById("lang").onclick=()=>{lang=lang==="zh"?"en":"zh";localStorage.setItem("xinzhi-lang",lang);paint();view()};
document.getElementById("logout").onclick=async()=>{await api("POST","/api/logout");location.href="/"};
function show(...nodes){app.replaceChildren(...nodes)}
function loginForm(invite){const email=$("input",{type:"email",name:"email"}),pw=$("input",{type:"password",name:"password"}),msg=$("p",{class:"err"});
const go=async()=>{try{if(invite)await api("POST","/api/invitations/"+invite+"/accept",{email:email.value,password:pw.value});else await api("POST","/api/login",{email:email.value,password:pw.value});history.replaceState(null,"","/");home()}catch(e){msg.textContent=e.message}};
show($("section",{},$("h2",{text:invite?L("accept"):L("login")}),$("label",{text:L("email")}),email,$("label",{text:L("password")}),pw,$("div",{},$("button",{id:"go",on:{click:go},text:invite?L("accept"):L("login")})),msg));view=()=>loginForm(invite)}
async function home(){let me;try{me=await api("GET","/api/me")}catch{const m=location.pathname.match(/^\/invite\/(.+)$/);return loginForm(m&&m[1])}
document.getElementById("logout").hidden=false;instrument=instrument||await api("GET","/api/instrument");
const firms=await api("GET","/api/firms");const sec=$("section",{},$("h2",{text:L("firms")}));
for(const f of firms){const d=await api("GET","/api/firms/"+f.id);const row=$("div",{class:"item"},$("strong",{text:f.name}));
const open=d.assessments.filter(a=>a.status==="open").at(-1);const done=d.assessments.filter(a=>a.status==="submitted").at(-1);
if(open)row.append($("button",{"data-action":"continue",on:{click:()=>questionnaire(open.id)},text:L("open")}));
else row.append($("button",{"data-action":"start",on:{click:async()=>{const a=await api("POST","/api/firms/"+f.id+"/assessments",{});questionnaire(a.id)}},text:L("start")}));
if(done)row.append($("button",{"data-action":"report",on:{click:()=>report(done.id)},text:L("report")}));sec.append(row)}
const nodes=[sec];if(me.role!=="respondent"){const dash=await api("GET","/api/dashboard");const t=$("table",{id:"dashboard"},$("tr",{},$("th",{text:L("firms")}),$("th",{text:L("overall")}),$("th",{text:L("level")}),$("th",{text:L("movement")})));
for(const r of dash)t.append($("tr",{},$("td",{text:r.name}),$("td",{text:r.latest?r.latest.overall.toFixed(1):L("none")}),$("td",{text:r.latest?String(r.latest.gatedLevel):"—"}),$("td",{text:r.movement===null?"—":r.movement.toFixed(1)})));
nodes.push($("section",{},$("h2",{text:L("dashboard")}),t))}show(...nodes);view=home}
async function questionnaire(id){const a=await api("GET","/api/assessments/"+id);const answers=a.answers;const status=$("span",{class:"status",id:"save-status"});
const count=$("span",{id:"answered"});const upd=()=>count.textContent=L("answered")+" "+Object.keys(answers).length+"/"+instrument.items.length;upd();
const save=async(item,v)=>{status.textContent=L("saving");try{await api("PUT","/api/assessments/"+id+"/answers",{answers:{[item]:v}});answers[item]=v;upd();status.textContent=L("saved")}catch(e){status.textContent=e.message;status.className="status err"}};
const sec=$("section",{},$("h2",{text:B(instrument.title)}),$("div",{},count,status));
for(const it of instrument.items){const cur=answers[it.id];const box=$("div",{class:"item","data-item":it.id},$("div",{},$("strong",{text:B(it.prompt)})),$("div",{class:"help",text:B(it.help)}));
if(it.type==="level"){for(let k=0;k<=5;k++){const r=$("input",{type:"radio",name:it.id,value:String(k)});if(cur&&cur.level===k)r.checked=true;r.onchange=()=>save(it.id,{level:k});
const txt=it.anchors[k]?k+" — "+B(it.anchors[k]):String(k);box.append($("label",{},r,document.createTextNode(" "+txt)))}}
else if(it.type==="multi"){for(const o of it.options){const c=$("input",{type:"checkbox",value:o.id});if(cur&&cur.options&&cur.options.includes(o.id))c.checked=true;
c.onchange=()=>save(it.id,{options:[...box.querySelectorAll("input[type=checkbox]:checked")].map(x=>x.value)});box.append($("label",{},c,document.createTextNode(" "+B(o.label))))}}
else{const n=$("input",{type:"number",min:String(it.min),max:String(it.max),step:"any"});if(cur&&"value"in cur)n.value=String(cur.value);n.onchange=()=>n.value!==""&&save(it.id,{value:Number(n.value)});box.append($("label",{},n,document.createTextNode(" "+B(it.unit))))}
const na=$("input",{type:"checkbox",class:"na"});if(cur&&cur.na)na.checked=true;na.onchange=()=>na.checked&&save(it.id,{na:true});box.append($("label",{class:"help"},na,document.createTextNode(" "+L("na"))));sec.append(box)}
const msg=$("p",{class:"err",id:"submit-error"});sec.append($("div",{},$("button",{id:"submit",on:{click:async()=>{try{await api("POST","/api/assessments/"+id+"/submit");report(id)}catch(e){msg.textContent=e.message}}},text:L("submit")}),$("button",{on:{click:home},text:L("back")})),msg);
show(sec);view=()=>questionnaire(id)}
async function report(id){const r=await api("GET","/api/assessments/"+id+"/report");const s=r.scores;const sec=$("section",{id:"report"},$("h2",{text:L("report")}));
sec.append($("p",{id:"report-level",text:L("overall")+" "+s.nodes.nqpf.score.toFixed(1)+" · "+L("level")+" "+s.gatedLevel}));
if(r.report.bottleneck)sec.append($("h3",{text:L("bottleneck")}),$("p",{text:B(r.report.bottleneck.explanation)}));
const t=$("table",{});for(const g of r.report.priorities)t.append($("tr",{},$("td",{text:B(g.name)}),$("td",{text:g.current.toFixed(1)}),$("td",{text:String(g.target)}),$("td",{text:g.priority.toFixed(1)})));
sec.append($("h3",{text:L("priorities")}),t,$("h3",{text:L("advice")}));for(const a of r.report.recommendations)sec.append($("p",{text:B(a.name)+": "+B(a.adviceName)+" — "+B(a.adviceText)}));
const p=r.peers.industry;sec.append($("h3",{text:L("peers")}),$("p",{id:"peers",text:p.shown?("n = "+p.n+", median "+p.median.toFixed(1)+", P"+Math.round(p.percentileRank)):L("peersHidden").replace("{n}",p.n)}));
const dl=$("p",{id:"report-downloads"});for(const f of ["html","docx","xlsx"])dl.append($("a",{href:"/api/assessments/"+id+"/report/"+f+"?lang="+lang,text:L("dl_"+f)})," ");sec.append(dl);sec.append($("button",{on:{click:home},text:L("back")}));show(sec);view=()=>report(id)}
paint();home();
</script></body></html>`;
