#!/usr/bin/env python3
"""Show quote errors of a prediction file against gold, for error analysis.

    scripts/quote_errors.py GOLD.jsonl PRED.jsonl [--kind indirect] [--n 40] [--what fn|fp|spk]

Uses the matching rule of ../shared/eval/score.py (imported from there).
"""
import argparse, json, os, random, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
import score  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("gold"); ap.add_argument("pred")
ap.add_argument("--kind"); ap.add_argument("--n", type=int, default=40)
ap.add_argument("--what", default="fn"); ap.add_argument("--seed", type=int, default=0)
a = ap.parse_args()
gold, pred = score.load(a.gold), score.load(a.pred)
rows = []
for k, g in gold.items():
    t = g["text"]; p = pred.get(k, {"quotes": []})
    gq, pq = g["quotes"], p.get("quotes") or []
    m = score.match_quotes(t, gq, pq)
    mg = {i for i, _, _ in m}; mp = {j for _, j, _ in m}
    ctx = lambda s, e: (t[max(0, s - 80):s] + "[[" + t[s:e] + "]]" + t[e:e + 60]).replace("\n", " / ")
    if a.what == "fn":
        for i, q in enumerate(gq):
            if i not in mg and (not a.kind or q["kind"] == a.kind):
                rows.append(f"FN {q['kind']} spk={q['speaker']!r}\n   {ctx(q['start'], q['end'])}")
    elif a.what == "fp":
        for j, q in enumerate(pq):
            if j not in mp and (not a.kind or q.get("kind") == a.kind):
                rows.append(f"FP {q.get('kind')} spk={q.get('speaker')!r}\n   {ctx(q['start'], q['end'])}")
    else:
        for i, j, _ in m:
            if gq[i]["speaker"] and not score.same_speaker(gq[i]["speaker"], pq[j].get("speaker")):
                rows.append(f"SPK gold={gq[i]['speaker']!r} pred={pq[j].get('speaker')!r}\n   {ctx(gq[i]['start'], gq[i]['end'])}")
random.seed(a.seed); random.shuffle(rows)
print(len(rows), "rows"); print("\n".join(rows[:a.n]))
