// Saving a chart: "Download SVG" (the serialized SVG element) and "Download PNG" (that SVG drawn onto a canvas at twice its size).

// The SVG element as a standalone file's text.
export function svgText(svg) {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function downloadSvg(svg, name) {
  save(new Blob([svgText(svg)], { type: 'image/svg+xml' }), name);
}

// The page's Content-Security-Policy allows data: images (not blob:), so the SVG is loaded as a
// data: URL, drawn onto a canvas, and the canvas saved as PNG.
export function downloadPng(svg, name, scale = 2) {
  return new Promise((resolve, reject) => {
    const width = +svg.getAttribute('width'), height = +svg.getAttribute('height');
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * scale;
      canvas.height = height * scale;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => {
        if (!blob) { reject(new Error('the chart could not be drawn as PNG')); return; }
        save(blob, name);
        resolve();
      }, 'image/png');
    };
    img.onerror = () => reject(new Error('the chart could not be read as an image'));
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
  });
}
