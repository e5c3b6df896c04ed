// Lists what a reader would find cut on the page as drawn: a word running past a box that clips it (a card
// label, a control, a chip, a tab, a chart's legend or axis), a title on more than two lines, a figure on
// more than one. Run by tests/e2e/test_projector.py with page.evaluate.
() => {
  const found = [];
  const texts = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent.trim()) nodes.push(node);
    return nodes;
  };
  const rectOf = (node) => { const range = document.createRange(); range.selectNodeContents(node); return range; };
  // Every box between a text and the page that clips what overflows it.
  const clippers = (element) => {
    const boxes = [];
    for (let a = element; a && a.tagName !== 'BODY'; a = a.parentElement) {
      const id = a.getAttribute('data-testid');
      if (id === 'stMain' || id === 'stSidebarContent') break;
      if (getComputedStyle(a).overflowX !== 'visible') boxes.push(a);
    }
    return boxes;
  };
  const lines = (root) => {
    const tops = new Set();
    for (const node of texts(root)) for (const r of rectOf(node).getClientRects()) if (r.width > 1) tops.add(Math.round(r.top / 4));
    return tops.size;
  };
  const check = (selector, kind, most) => {
    for (const element of document.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect();
      const text = element.innerText.trim().replace(/\s+/g, ' ').slice(0, 70);
      if (box.width === 0 || box.height === 0 || !text) continue;
      for (const node of texts(element)) {
        const r = rectOf(node).getBoundingClientRect();
        const cut = clippers(node.parentElement).find((c) => {
          const b = c.getBoundingClientRect();
          return r.right > b.right + 1.5 || r.left < b.left - 1.5;
        });
        if (cut) { found.push({kind, problem: 'cut', text}); break; }
      }
      if (most && lines(element) > most) found.push({kind, problem: `${lines(element)} lines`, text});
    }
  };
  check('[data-testid=stMetricLabel]', 'metric label', 2);
  check('[data-testid=stMetricValue]', 'metric value', 1);
  check('[data-testid=stMetricDelta]', 'metric delta', 1);
  check('[data-testid=stWidgetLabel]', 'control label', 2);
  check('[data-testid=stMain] h1', 'title', 2);
  check('[data-testid=stMain] h2, [data-testid=stMain] h3', 'heading', 2);
  check('[data-testid=stMain] button', 'button', 2);
  check('[data-testid=stMain] [data-testid=stMultiSelect] span', 'chip', 0);
  check('[data-testid=stMain] [data-baseweb=select]', 'select', 1);
  check('[data-testid=stTab]', 'tab', 1);
  // Charts are SVG: a legend entry or an axis label past the chart's box is cut.
  for (const chart of document.querySelectorAll('[data-testid=stVegaLiteChart]')) {
    const box = chart.getBoundingClientRect();
    if (box.width === 0) continue;
    for (const t of chart.querySelectorAll('svg text')) {
      const r = t.getBoundingClientRect();
      if (!t.textContent.trim() || r.width === 0) continue;
      if (r.right > box.right + 3 || r.left < box.left - 3) found.push({kind: 'chart text', problem: 'cut', text: t.textContent.slice(0, 50)});
    }
  }
  return found;
}
