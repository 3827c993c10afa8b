// The page of `kg export --format html`: draws the graph that kg embedded as JSON in
// <script id="kg-data"> with sigma.js (WebGL) on a graphology graph, and adds the legend,
// filters, search and evidence panel around it.
//
// Every string in the data is text from articles: it reaches the page only through
// textContent, attributes set one by one, and sigma's canvas labels, never as markup.
// Positions come with the data (kg lays the graph out before writing it), so the first
// view is the final one.

import Graph from "graphology";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram } from "sigma/rendering";
import EdgeCurveProgram, {
  DEFAULT_EDGE_CURVATURE,
  EdgeCurvedArrowProgram,
  indexParallelEdgesIndex,
} from "@sigma/edge-curve";

const FADED = "#e3e6ed";
const SUGGESTIONS = 12;

const data = JSON.parse(document.getElementById("kg-data").textContent);
const typeInfo = new Map(data.types.map((t) => [t.name, t]));
const labelInfo = new Map(data.labels.map((l) => [l.name, l]));

// ---- the graph --------------------------------------------------------------------------

const graph = new Graph({ multi: true, type: "directed", allowSelfLoops: false });
data.nodes.forEach((node, position) => {
  graph.addNode(node.id, {
    x: node.x, y: node.y, size: node.size, label: node.name,
    color: labelInfo.get(node.label).color, kgLabel: node.label, position,
  });
});
data.edges.forEach((edge, index) => {
  graph.addEdgeWithKey(`e${index}`, edge.source, edge.target, {
    index, relType: edge.type, label: edge.type, color: typeInfo.get(edge.type).color,
    size: Math.min(1 + Math.log2(edge.count), 6),
  });
});

// The most connected actors are named at every zoom; the others once they are drawn large enough.
const HUBS = 15;
graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a)).slice(0, HUBS)
  .forEach((node) => graph.setNodeAttribute(node, "forceLabel", true));

// Two relations between the same actors are drawn as curves that bend apart; a symmetric
// type is drawn without an arrow head.
indexParallelEdgesIndex(graph, { edgeIndexAttribute: "parallelIndex", edgeMaxIndexAttribute: "parallelMaxIndex" });
graph.forEachEdge((edge, attrs) => {
  const symmetric = typeInfo.get(attrs.relType).symmetric;
  if (typeof attrs.parallelIndex === "number") {
    const bend = DEFAULT_EDGE_CURVATURE + (3 * DEFAULT_EDGE_CURVATURE * attrs.parallelIndex) / (attrs.parallelMaxIndex || 1);
    graph.mergeEdgeAttributes(edge, { type: symmetric ? "curved" : "curvedArrow", curvature: bend });
  } else {
    graph.setEdgeAttribute(edge, "type", symmetric ? "line" : "arrow");
  }
});

// ---- what is shown: filters and selection ----------------------------------------------

const dates = data.edges.flatMap((e) => (e.first_date ? [e.first_date, e.last_date] : [])).sort();
const view = {
  labels: new Set(data.labels.map((l) => l.name)),
  types: new Set(data.types.map((t) => t.name)),
  from: dates[0] || "",
  to: dates[dates.length - 1] || "",
  undated: true,
  isolated: false, // actors that no relation links: off at first, so the first view is the network
  selected: null, // {node} or {edge}
  focus: new Set(), // the selected node and its neighbours, or the ends of the selected edge
};

function nodeShown(node) {
  return view.labels.has(graph.getNodeAttribute(node, "kgLabel")) && (view.isolated || graph.degree(node) > 0);
}

function edgeShown(edge) {
  const e = data.edges[graph.getEdgeAttribute(edge, "index")];
  if (!view.types.has(e.type)) return false;
  if (!nodeShown(graph.source(edge)) || !nodeShown(graph.target(edge))) return false;
  if (!e.first_date) return view.undated;
  return (!view.from || e.last_date >= view.from) && (!view.to || e.first_date <= view.to);
}

function nodeReducer(node, attrs) {
  if (!nodeShown(node)) return { ...attrs, hidden: true };
  if (view.selected && !view.focus.has(node)) return { ...attrs, color: FADED, label: "", zIndex: 0 };
  if (view.selected) return { ...attrs, highlighted: view.selected.node === node, forceLabel: true, zIndex: 1 };
  return attrs;
}

function edgeReducer(edge, attrs) {
  if (!edgeShown(edge)) return { ...attrs, hidden: true };
  if (!view.selected) return attrs;
  const related = view.selected.edge === edge
    || (view.selected.node && graph.extremities(edge).includes(view.selected.node));
  return related ? { ...attrs, zIndex: 1, size: attrs.size + 1 } : { ...attrs, color: FADED, label: "", zIndex: 0 };
}

const container = document.getElementById("graph");
const renderer = new Sigma(graph, container, {
  nodeReducer, edgeReducer,
  renderEdgeLabels: true, enableEdgeEvents: true, zIndex: true,
  defaultEdgeType: "arrow",
  edgeProgramClasses: {
    arrow: EdgeArrowProgram, line: EdgeLineProgram, curvedArrow: EdgeCurvedArrowProgram, curved: EdgeCurveProgram,
  },
  labelRenderedSizeThreshold: 6, labelDensity: 1,
  hideEdgesOnMove: graph.size > 5000, // panning a graph of thousands of relations stays smooth
  edgeLabelSize: 10, edgeLabelColor: { color: "#5b6478" },
});

// The camera frames the actors shown (sigma frames every node otherwise, hidden ones too).
function frame() {
  const xs = [];
  const ys = [];
  graph.forEachNode((node, attrs) => {
    if (nodeShown(node)) { xs.push(attrs.x); ys.push(attrs.y); }
  });
  renderer.setCustomBBox(xs.length ? { x: [Math.min(...xs), Math.max(...xs)], y: [Math.min(...ys), Math.max(...ys)] } : null);
  renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
}

function redraw() {
  renderer.refresh({ skipIndexation: true });
  updateStatus();
}

function updateStatus() {
  let nodes = 0;
  let edges = 0;
  graph.forEachNode((node) => { if (nodeShown(node)) nodes += 1; });
  graph.forEachEdge((edge) => { if (edgeShown(edge)) edges += 1; });
  const status = document.getElementById("status");
  status.textContent = `${plural(nodes, "actor")} · ${plural(edges, "relation")} shown`;
  status.dataset.nodes = String(nodes);
  status.dataset.edges = String(edges);
}

function plural(n, word) {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}

// ---- DOM helpers: text only ------------------------------------------------------------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "style") Object.assign(node.style, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node[key] = value;
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// A link to the article, only for web addresses: a "javascript:" url in a feed stays text.
function articleLink(id) {
  const article = data.articles[id] || {};
  const label = article.title ? `${id}: ${article.title}` : id;
  if (article.url && /^https?:\/\//i.test(article.url)) {
    return el("a", { href: article.url, target: "_blank", rel: "noopener noreferrer" }, label);
  }
  return el("span", {}, label);
}

function evidenceItem(evidence) {
  const date = evidence.date || (data.articles[evidence.article] || {}).date;
  return el("blockquote", {},
    evidence.sentence,
    el("span", { className: "source" }, articleLink(evidence.article), date ? ` · ${date}` : "",
      ` · ${evidence.rule} (${evidence.confidence})`));
}

function swatch(color, line = false) {
  return el("span", { className: line ? "swatch line" : "swatch", style: { background: color } });
}

// ---- the legend and filters -------------------------------------------------------------

function buildFilters() {
  const labelCounts = countBy(data.nodes, (n) => n.label);
  const typeCounts = countBy(data.edges, (e) => e.type);
  const labelBox = document.getElementById("label-filters");
  for (const label of data.labels) {
    labelBox.append(checkbox(`label-${label.name}`, label.name, swatch(label.color), labelCounts.get(label.name) || 0,
      (on) => toggle(view.labels, label.name, on)));
  }
  const isolated = graph.filterNodes((node) => graph.degree(node) === 0).length;
  labelBox.append(checkbox("isolated", "without relations", el("span", { className: "swatch hollow" }), isolated,
    (on) => { view.isolated = on; frame(); }, false));
  const typeBox = document.getElementById("type-filters");
  for (const type of data.types) {
    typeBox.append(checkbox(`type-${type.name}`, type.name, swatch(type.color, true), typeCounts.get(type.name) || 0,
      (on) => toggle(view.types, type.name, on)));
  }
  const from = document.getElementById("date-from");
  const to = document.getElementById("date-to");
  if (!dates.length) {
    document.getElementById("date-filter").hidden = true;
  } else {
    for (const input of [from, to]) {
      input.min = view.from;
      input.max = view.to;
    }
    from.value = view.from;
    to.value = view.to;
    from.addEventListener("change", () => { view.from = from.value; redraw(); });
    to.addEventListener("change", () => { view.to = to.value; redraw(); });
  }
  const undated = document.getElementById("undated");
  undated.addEventListener("change", () => { view.undated = undated.checked; redraw(); });
  document.getElementById("reset").addEventListener("click", () => {
    data.labels.forEach((l) => view.labels.add(l.name));
    data.types.forEach((t) => view.types.add(t.name));
    view.from = from.value = dates[0] || "";
    view.to = to.value = dates[dates.length - 1] || "";
    view.undated = undated.checked = true;
    view.isolated = false;
    frame();
    document.querySelectorAll("#controls input[type=checkbox]").forEach((box) => { box.checked = box.id !== "isolated"; });
    select(null);
  });
}

function checkbox(id, name, mark, count, onChange, checked = true) {
  const input = el("input", { type: "checkbox", id, checked, onchange: () => { onChange(input.checked); redraw(); } });
  return el("label", { htmlFor: id }, input, mark, name, el("span", { className: "count" }, count.toLocaleString("en")));
}

function toggle(set, value, on) {
  if (on) set.add(value);
  else set.delete(value);
}

function countBy(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) || 0) + 1);
  return counts;
}

// ---- selection and the side panel -------------------------------------------------------

const panel = document.getElementById("panel");
const details = document.getElementById("details");

function select(selection) {
  view.selected = selection;
  view.focus = new Set();
  if (selection && selection.node) {
    view.focus.add(selection.node);
    graph.forEachNeighbor(selection.node, (n) => view.focus.add(n));
    showActor(selection.node);
  } else if (selection && selection.edge) {
    graph.extremities(selection.edge).forEach((n) => view.focus.add(n));
    showRelation(selection.edge);
  } else {
    panel.hidden = true;
  }
  redraw();
}

function nodeData(id) {
  return data.nodes[graph.getNodeAttribute(id, "position")];
}

function showActor(id) {
  const node = nodeData(id);
  const byType = new Map();
  graph.forEachEdge(id, (edge, attrs, source, target) => {
    const list = byType.get(attrs.relType) || [];
    list.push({ edge, other: source === id ? target : source, outgoing: source === id });
    byType.set(attrs.relType, list);
  });
  const sections = [];
  for (const type of data.types) {
    const list = byType.get(type.name);
    if (!list) continue;
    sections.push(el("h4", {}, swatch(type.color, true), ` ${type.name} (${list.length})`));
    sections.push(el("ul", {}, list.map(({ edge, other, outgoing }) => {
      const e = data.edges[graph.getEdgeAttribute(edge, "index")];
      const arrow = type.symmetric ? "—" : outgoing ? "→" : "←";
      return el("li", {},
        el("span", { className: "relation", dataset: { edge }, onclick: () => select({ edge }) },
          `${arrow} ${nodeData(other).name}`),
        e.role ? ` (${e.role})` : "", e.count > 1 ? ` · ${e.count} sentences` : "",
        evidenceItem(e.evidence[0]));
    })));
  }
  details.replaceChildren(...[
    el("h3", {}, node.name),
    el("p", { className: "meta" }, el("span", { className: "tag", style: { background: labelInfo.get(node.label).color } }, node.label),
      ` ${node.id} · ${plural(node.articles.length, "article")}`),
    node.aliases.length ? [el("h4", {}, "Also called"), el("p", {}, node.aliases.join(" · "))] : [],
    node.merged.length ? [el("h4", {}, "Why these names are one actor"), el("ul", {}, node.merged.map((m) => el("li", {}, m)))] : [],
    sections.length ? [el("h4", {}, "Relations"), sections] : el("p", {}, "No relations."),
    el("h4", {}, "Articles"),
    el("ul", {}, node.articles.map((a) => el("li", {}, articleLink(a), (data.articles[a] || {}).date ? ` · ${data.articles[a].date}` : ""))),
  ].flat(Infinity));
  panel.hidden = false;
  panel.scrollTop = 0;
}

function showRelation(edge) {
  const e = data.edges[graph.getEdgeAttribute(edge, "index")];
  const type = typeInfo.get(e.type);
  const dateRange = e.first_date ? (e.first_date === e.last_date ? e.first_date : `${e.first_date} to ${e.last_date}`) : "no date";
  details.replaceChildren(...[
    el("h3", {}, `${nodeData(e.source).name} ${type.symmetric ? "—" : "→"} ${nodeData(e.target).name}`),
    el("p", { className: "meta" }, el("span", { className: "tag", style: { background: type.color } }, e.type),
      ` ${plural(e.count, "sentence")} · ${dateRange}`),
    e.role ? el("p", {}, `Role: ${e.role}`) : [],
    e.claims && e.claims.length ? [el("h4", {}, "Claims"), el("ul", {}, e.claims.map((c) => el("li", {}, c)))] : [],
    el("h4", {}, "Evidence"),
    e.evidence.map(evidenceItem),
  ].flat(Infinity));
  panel.hidden = false;
  panel.scrollTop = 0;
}

document.getElementById("close").addEventListener("click", () => select(null));
renderer.on("clickNode", ({ node }) => select({ node }));
renderer.on("clickEdge", ({ edge }) => select({ edge }));
renderer.on("clickStage", () => select(null));
renderer.on("enterNode", () => { container.style.cursor = "pointer"; });
renderer.on("leaveNode", () => { container.style.cursor = ""; });
renderer.on("enterEdge", () => { container.style.cursor = "pointer"; });
renderer.on("leaveEdge", () => { container.style.cursor = ""; });

// ---- search -----------------------------------------------------------------------------

// Case and accents do not matter: "erdogan" finds "Recep Tayyip Erdoğan".
function fold(text) {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

const searchIndex = data.nodes.map((node, position) => ({
  position, names: [node.name, ...node.aliases].map((name) => ({ name, folded: fold(name) })),
}));

function matches(query) {
  const q = fold(query.trim());
  if (!q) return [];
  const found = [];
  for (const entry of searchIndex) {
    let best = null;
    for (const { name, folded } of entry.names) {
      const at = folded.indexOf(q);
      if (at < 0) continue;
      // exact, then start of the name, then start of a word, then anywhere
      const rank = folded === q ? 0 : at === 0 ? 1 : /\s|-/.test(folded[at - 1]) ? 2 : 3;
      if (!best || rank < best.rank) best = { rank, name };
    }
    if (best) found.push({ ...best, node: data.nodes[entry.position] });
  }
  found.sort((a, b) => a.rank - b.rank || b.node.size - a.node.size || a.node.name.localeCompare(b.node.name));
  return found.slice(0, SUGGESTIONS);
}

const search = document.getElementById("search");
const suggestions = document.getElementById("suggestions");
let current = [];
let active = 0;

function showSuggestions() {
  current = matches(search.value);
  active = 0;
  suggestions.replaceChildren(...current.map((m, i) => el("li", {
    role: "option", ariaSelected: String(i === active), dataset: { node: m.node.id },
    onmousedown: (event) => { event.preventDefault(); pick(i); },
  }, swatch(labelInfo.get(m.node.label).color), m.node.name,
  m.name !== m.node.name ? el("span", { className: "alias" }, m.name) : "")));
  suggestions.hidden = current.length === 0;
}

function pick(i) {
  const match = current[i];
  if (!match) return;
  search.value = match.node.name;
  suggestions.hidden = true;
  focusNode(match.node.id);
}

// Search can find an actor the filters hide: the filters that hide it are turned off.
function focusNode(id) {
  if (!nodeShown(id)) {
    view.labels.add(graph.getNodeAttribute(id, "kgLabel"));
    document.getElementById(`label-${graph.getNodeAttribute(id, "kgLabel")}`).checked = true;
    if (graph.degree(id) === 0) view.isolated = document.getElementById("isolated").checked = true;
  }
  select({ node: id });
  const position = renderer.getNodeDisplayData(id);
  const camera = renderer.getCamera();
  camera.animate({ x: position.x, y: position.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
}

search.addEventListener("input", showSuggestions);
search.addEventListener("blur", () => { suggestions.hidden = true; });
search.addEventListener("keydown", (event) => {
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    if (!current.length) return;
    active = (active + (event.key === "ArrowDown" ? 1 : current.length - 1)) % current.length;
    [...suggestions.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
  } else if (event.key === "Enter") {
    if (suggestions.hidden) showSuggestions();
    pick(active);
  } else if (event.key === "Escape") {
    suggestions.hidden = true;
  }
});

// ---- start ------------------------------------------------------------------------------

document.getElementById("title").textContent = data.title;
buildFilters();
frame();
redraw();
// The first frame is drawn once sigma has rendered and the browser has painted: the mark
// that bench/html_view.py reads, and the flag the browser tests wait for.
requestAnimationFrame(() => {
  performance.mark("kg-drawn");
  document.body.dataset.ready = "true";
});
window.kgView = { graph, renderer, focusNode };
