"""A one-page HTML picture of the response KPIs (inline SVG, no external requests).

    python -m webcare.report      # writes var/reports/response_kpis.html from the published marts
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

from webcare import config, warehouse

WIDTH, BAR_HEIGHT, LABEL_WIDTH = 720, 22, 280


def _bars(rows: list[tuple[str, float | None]], unit: str, scale_max: float, color: str) -> str:
    height = BAR_HEIGHT * len(rows) + 10
    parts = [f'<svg width="{WIDTH}" height="{height}" role="img">']
    for index, (label, value) in enumerate(rows):
        y = index * BAR_HEIGHT + 4
        length = 0 if value is None or scale_max <= 0 else (WIDTH - LABEL_WIDTH - 90) * value / scale_max
        text = "-" if value is None else f"{value:,.1f}{unit}"
        parts.append(f'<text x="0" y="{y + 14}" font-size="13">{html.escape(label)}</text>'
                     f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT - 6}" fill="{color}"/>'
                     f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + 14}" font-size="12">{text}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _daily_lines(days: list, series: dict[str, list[int]]) -> str:
    height, left, bottom = 200, 40, 24
    top_value = max([max(values) for values in series.values()] + [1])
    step = (WIDTH - left - 10) / max(len(days) - 1, 1)
    colors = {"inbound": "#8a8a8a", "answered": "#1b7f5b"}
    parts = [f'<svg width="{WIDTH}" height="{height + bottom}" role="img">',
             f'<line x1="{left}" y1="{height}" x2="{WIDTH}" y2="{height}" stroke="#ccc"/>',
             f'<text x="0" y="12" font-size="11">{top_value}</text>']
    for name, values in series.items():
        points = " ".join(f"{left + i * step:.1f},{height - (height - 10) * v / top_value:.1f}"
                          for i, v in enumerate(values))
        parts.append(f'<polyline fill="none" stroke="{colors[name]}" stroke-width="2" points="{points}"/>')
    for i, day in enumerate(days):
        if i % 7 == 0:
            parts.append(f'<text x="{left + i * step:.1f}" y="{height + 16}" font-size="11">{day:%d %b}</text>')
    parts.append("</svg>")
    return "".join(parts)


@warehouse.acting_as("bi")
def build(url: str | None = None, out: Path | None = None) -> Path:
    url = url or warehouse.warehouse_url()
    with warehouse.transaction(url) as conn, conn.cursor() as cur:
        cur.execute("""
            select i.institution_name || ' (' || m.channel_id || ')',
                   sum(m.answered_count)::float / nullif(sum(m.inbound_count), 0) * 100,
                   sum(m.sla_achieved_count)::float / nullif(sum(m.sla_measured_count), 0) * 100
            from marts.mart_response_kpis_monthly m
            join marts.dim_institution i on i.institution_id = m.institution_id and i.is_current
            group by 1 order by 2 desc nulls last""")
        rates = cur.fetchall()
        cur.execute("""
            select i.institution_name || ' (' || f.channel_id || ')',
                   percentile_cont(0.5) within group (order by f.first_response_business_minutes)
            from marts.fct_interactions f
            join marts.dim_institution i on i.institution_id = f.institution_id and i.is_current
            group by 1 order by 2 nulls last""")
        speeds = cur.fetchall()
        cur.execute("select date_day, sum(inbound_count), sum(answered_count) from marts.mart_response_kpis_daily"
                    " group by 1 order by 1")
        daily = cur.fetchall()
    out = out or config.output_dir("reports") / "response_kpis.html"
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Webcare response KPIs</title>
<style>body{{font-family:sans-serif;margin:2em;color:#222}} h2{{margin-top:1.6em}} .note{{color:#666}}</style>
</head><body>
<h1>How institutions answer patients</h1>
<p class="note">From the published marts (marts.*). Definitions: docs/metrics.md.</p>
<h2>Reply rate (% of inbound messages answered)</h2>
{_bars([(label, rate) for label, rate, _ in rates], " %", 100, "#1b7f5b")}
<h2>Within SLA (% of measured first responses)</h2>
{_bars([(label, sla) for label, _, sla in rates], " %", 100, "#2f6db5")}
<h2>Median first response, business minutes</h2>
{_bars(speeds, " min", max([v for _, v in speeds if v is not None] + [1]), "#c0772b")}
<h2>Messages per day: inbound (grey) and answered (green)</h2>
{_daily_lines([d for d, _, _ in daily], {"inbound": [int(i) for _, i, _ in daily],
                                          "answered": [int(a) for _, _, a in daily]})}
</body></html>"""
    config.write_private(out, page)
    return out


if __name__ == "__main__":
    print(build())
    sys.exit(0)
