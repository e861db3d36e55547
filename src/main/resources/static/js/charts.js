// Charts of the results pages: each <div data-chart="{json}"> gets an ECharts chart built here
// from plain data the server wrote (the Content-Security-Policy allows no inline script).
(function () {
  'use strict';

  // 95 % intervals as vertical error bars with caps: series data are [index, low, high].
  function errorBars(name, low, high) {
    return {
      name: name, type: 'custom', z: 3,
      data: low.map(function (l, i) { return [i, l, high[i]]; }).filter(function (d) { return d[1] !== null; }),
      renderItem: function (params, api) {
        var top = api.coord([api.value(0), api.value(2)]);
        var bottom = api.coord([api.value(0), api.value(1)]);
        var cap = api.size([1, 0])[0] * 0.15;
        var style = { stroke: '#6c757d', lineWidth: 1.5 };
        return { type: 'group', children: [
          { type: 'line', shape: { x1: top[0], y1: top[1], x2: bottom[0], y2: bottom[1] }, style: style },
          { type: 'line', shape: { x1: top[0] - cap, y1: top[1], x2: top[0] + cap, y2: top[1] }, style: style },
          { type: 'line', shape: { x1: bottom[0] - cap, y1: bottom[1], x2: bottom[0] + cap, y2: bottom[1] }, style: style }
        ] };
      },
      encode: { x: 0, y: [1, 2] }
    };
  }

  function lowestOf(values) {
    var present = values.filter(function (v) { return v !== null; });
    return present.length ? Math.max(0, Math.floor(Math.min.apply(null, present) / 10) * 10 - 10) : 0;
  }

  function ranking(d) {
    var floor = lowestOf(d.low.concat(d.official, d.target));
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [d.labels[0], d.labels[2], d.labels[3]] },
      grid: { left: 40, right: 20, bottom: 70, top: 40 },
      xAxis: { type: 'category', data: d.names, axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', min: floor, max: 100 },
      series: [
        { name: d.labels[0], type: 'scatter', data: d.estimate, symbolSize: 11, itemStyle: { color: '#0d6efd' }, z: 4 },
        errorBars(d.labels[1], d.low, d.high),
        { name: d.labels[2], type: 'scatter', data: d.official, symbol: 'diamond', symbolSize: 10, itemStyle: { color: '#198754' } },
        { name: d.labels[3], type: 'scatter', data: d.target, symbol: 'rect', symbolSize: [18, 3], itemStyle: { color: '#dc3545' } }
      ]
    };
  }

  function radar(d) {
    return {
      tooltip: {},
      legend: { data: d.series.map(function (s) { return s.name; }), bottom: 0 },
      radar: { indicator: d.indicators, radius: '62%', axisName: { color: '#495057' } },
      series: [{ type: 'radar', data: d.series, areaStyle: { opacity: 0.12 } }]
    };
  }

  function trend(d) {
    var floor = lowestOf(d.low.concat(d.official, d.published));
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [d.labels[0], d.labels[2], d.labels[3]] },
      grid: { left: 40, right: 20, bottom: 60, top: 40 },
      xAxis: { type: 'category', data: d.rounds, axisLabel: { interval: 0, width: 150, overflow: 'break' } },
      yAxis: { type: 'value', min: floor, max: 100 },
      series: [
        { name: d.labels[0], type: 'line', data: d.estimate, connectNulls: true, z: 4, symbolSize: 9, itemStyle: { color: '#0d6efd' } },
        errorBars(d.labels[1], d.low, d.high),
        { name: d.labels[2], type: 'line', data: d.official, connectNulls: true, z: 4, symbol: 'diamond', symbolSize: 9, lineStyle: { type: 'dashed' }, itemStyle: { color: '#198754' } },
        { name: d.labels[3], type: 'scatter', data: d.published, symbol: 'triangle', symbolSize: 12, itemStyle: { color: '#fd7e14' } }
      ]
    };
  }

  var builders = { ranking: ranking, radar: radar, trend: trend };

  function draw() {
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var data = JSON.parse(element.getAttribute('data-chart'));
      var chart = echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(builders[data.kind](data));
      element.setAttribute('data-chart-drawn', data.kind);
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  }
  else {
    draw();
  }
})();
