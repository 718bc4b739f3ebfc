#!/usr/bin/env python3
"""Validator for the independent, hand-labelled evaluation set.

Checks messages.jsonl and replies.jsonl (in this folder) against the schema,
the allowed label values, the labelling rules and the minimum quotas, and
prints a summary of counts.

Usage:
    python3 check.py              # full check: structure + rules + quotas
    python3 check.py --partial    # structure + rules only (skip quotas)
    python3 check.py --markdown   # print the summary tables as Markdown

Exit status: 0 = everything passed; 1 = structural / rule errors;
2 = structure OK but at least one quota not met (never with --partial).
Standard library only.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

INTENTS = ["complaint", "question", "praise", "other"]
SENTIMENTS = ["negative", "neutral", "positive"]
TONES = ["empathetic", "neutral", "defensive", "templated"]
CHANNELS = ["x", "facebook", "instagram", "google", "dm"]
LANGS = ["es", "en", "mixed"]
TAXONOMY = {
    "administrative": ["appointments", "waiting_times", "contact_access",
                       "billing_insurance", "paperwork_records", "facilities"],
    "clinical": ["diagnosis", "treatment", "safety_errors"],
    "relational": ["staff_attitude", "communication"],
    "none": ["none"],
}
CATEGORIES = [c for cs in TAXONOMY.values() for c in cs]
CAT2DOM = {c: d for d, cs in TAXONOMY.items() for c in cs}

ES_SPAIN = ["es-ES"]
# Latin-American Spanish. es-CAM = Central America (CR, GT, SV, HN, NI, PA),
# es-CAR = Spanish-speaking Caribbean (CU, DO, PR). Both are regions, so they
# do not count towards the ">= 7 countries" quota.
ES_LATAM_COUNTRIES = ["es-MX", "es-CO", "es-AR", "es-CL", "es-PE", "es-VE",
                      "es-EC", "es-UY", "es-BO", "es-PY"]
ES_LATAM_REGIONS = ["es-CAM", "es-CAR"]
ES_LATAM = ES_LATAM_COUNTRIES + ES_LATAM_REGIONS
EN = ["en-GB", "en-US", "en-IE", "en-AU", "en-IN", "en-CA"]
VARIETIES = ES_SPAIN + ES_LATAM + EN + ["mixed"]

PHENOMENA = ["sarcasm", "complaint_as_question", "praise_with_complaint",
             "one_word", "long_form", "emoji_only", "rating_disagrees",
             "typos", "negation", "code_switching", "third_party"]

MSG_KEYS = ["id", "text", "variety", "lang", "channel", "intent", "domain",
            "category", "sentiment", "phenomena"]          # + star_rating on google
REPLY_KEYS = ["id", "text", "lang", "variety", "tone", "moves_to_private",
              "gives_medical_advice", "clinical_looking"]

LONG_FORM_MIN = 400

MSG_QUOTAS = [  # (label, function(msgs) -> value, minimum)
    ("messages", lambda m: len(m), 620),
    ("es-ES (lang es)", lambda m: sum(x["variety"] == "es-ES" and x["lang"] == "es" for x in m), 160),
    ("Latin-American Spanish (lang es)", lambda m: sum(x["variety"] in ES_LATAM and x["lang"] == "es" for x in m), 220),
    ("Latin-American countries with >= 5 messages",
     lambda m: sum(1 for v in ES_LATAM_COUNTRIES if sum(x["variety"] == v for x in m) >= 5), 7),
    ("English (lang en)", lambda m: sum(x["variety"] in EN and x["lang"] == "en" for x in m), 160),
] + [(f"{v} (lang en) present", (lambda v: lambda m: sum(x["variety"] == v and x["lang"] == "en" for x in m))(v), 10)
     for v in EN] + [
    ("code_switching", lambda m: ph(m, "code_switching"), 35),
    ("sarcasm", lambda m: ph(m, "sarcasm"), 70),
    ("complaint_as_question", lambda m: ph(m, "complaint_as_question"), 50),
    ("praise_with_complaint", lambda m: ph(m, "praise_with_complaint"), 35),
    ("one_word", lambda m: ph(m, "one_word"), 20),
    ("long_form", lambda m: ph(m, "long_form"), 80),
    ("long_form in English", lambda m: sum("long_form" in x["phenomena"] and x["lang"] == "en" for x in m), 30),
    ("emoji_only", lambda m: ph(m, "emoji_only"), 12),
    ("rating_disagrees", lambda m: ph(m, "rating_disagrees"), 25),
    ("typos", lambda m: ph(m, "typos"), 100),
    ("negation", lambda m: ph(m, "negation"), 25),
    ("google channel", lambda m: sum(x["channel"] == "google" for x in m), 150),
] + [(f"category {c}", (lambda c: lambda m: sum(x["category"] == c for x in m))(c), 20)
     for c in CATEGORIES if c != "none"]

# intent mix "about 45 / 25 / 18 / 12 %": accepted window +-5 points
INTENT_MIX = {"complaint": 45, "question": 25, "praise": 18, "other": 12}
INTENT_TOL = 5

REPLY_QUOTAS = [
    ("replies", lambda r: len(r), 210),
] + [(f"tone {t}", (lambda t: lambda r: sum(x["tone"] == t for x in r))(t), 40) for t in TONES] + [
    ("gives_medical_advice", lambda r: sum(x["gives_medical_advice"] for x in r), 25),
    ("clinical-looking but administrative (clinical_looking and not advice)",
     lambda r: sum(x["clinical_looking"] and not x["gives_medical_advice"] for x in r), 30),
    ("moves_to_private", lambda r: sum(x["moves_to_private"] for x in r), 50),
]


def ph(msgs, p):
    return sum(p in x["phenomena"] for x in msgs)


errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def load(name):
    rows = []
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        err(name, "file missing")
        return rows
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(f"{name}:{n}", "empty line")
                continue
            try:
                o = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"{name}:{n}", f"invalid JSON ({e})")
                continue
            if not isinstance(o, dict):
                err(f"{name}:{n}", "not a JSON object")
                continue
            rows.append(o)
    return rows


def letter_words(s):
    return [w for w in s.split() if re.search(r"[^\W\d_]", w)]


def check_lang(w, o):
    v, lang = o.get("variety"), o.get("lang")
    if v not in VARIETIES:
        err(w, f"bad variety {v!r}")
    if lang not in LANGS:
        err(w, f"bad lang {lang!r}")
    if v == "mixed" and lang != "mixed":
        err(w, "variety 'mixed' needs lang 'mixed'")
    if v in EN and lang == "es":
        err(w, "English variety with lang 'es'")
    if (v in ES_SPAIN or v in ES_LATAM) and lang == "en":
        err(w, "Spanish variety with lang 'en'")


def check_messages(rows):
    seen, ids = {}, set()
    for n, o in enumerate(rows, 1):
        w = o.get("id", f"messages line {n}")
        if not re.fullmatch(r"i\d{4}", str(o.get("id"))) or o.get("id") in ids:
            err(w, "id must be i and four digits, unique across the part files")
        ids.add(o.get("id"))
        keys = set(o)
        allowed = set(MSG_KEYS) | {"star_rating"}
        if keys - allowed:
            err(w, f"unexpected keys {sorted(keys - allowed)}")
        if set(MSG_KEYS) - keys:
            err(w, f"missing keys {sorted(set(MSG_KEYS) - keys)}")
            continue
        text = o["text"]
        if not isinstance(text, str) or not text.strip():
            err(w, "empty text")
            continue
        if text.strip() in seen:
            err(w, f"duplicate text of {seen[text.strip()]}")
        seen[text.strip()] = w
        check_lang(w, o)
        if o["channel"] not in CHANNELS:
            err(w, f"bad channel {o['channel']!r}")
        it, dom, cat, sen = o["intent"], o["domain"], o["category"], o["sentiment"]
        if it not in INTENTS:
            err(w, f"bad intent {it!r}")
        if sen not in SENTIMENTS:
            err(w, f"bad sentiment {sen!r}")
        if dom not in TAXONOMY:
            err(w, f"bad domain {dom!r}")
        if cat not in CAT2DOM:
            err(w, f"bad category {cat!r}")
        elif CAT2DOM[cat] != dom:
            err(w, f"category {cat!r} belongs to domain {CAT2DOM[cat]!r}, not {dom!r}")
        if it in ("praise", "other") and (dom, cat) != ("none", "none"):
            err(w, f"{it} must be domain none / category none")
        if it == "complaint" and cat == "none":
            err(w, "a complaint needs a real domain and category")
        if it == "complaint" and sen != "negative":
            err(w, "complaints are negative")
        if it == "praise" and sen != "positive":
            err(w, "praise is positive")
        # google <=> star_rating
        if o["channel"] == "google":
            sr = o.get("star_rating")
            if not isinstance(sr, int) or isinstance(sr, bool) or not 1 <= sr <= 5:
                err(w, "google message needs an integer star_rating 1-5")
                sr = None
        else:
            sr = None
            if "star_rating" in o:
                err(w, "star_rating is only allowed on google")
        phs = o["phenomena"]
        if not isinstance(phs, list):
            err(w, "phenomena must be a list")
            continue
        for p in phs:
            if p not in PHENOMENA:
                err(w, f"bad phenomenon {p!r}")
        if len(set(phs)) != len(phs):
            err(w, "duplicate phenomenon")
        # phenomenon-specific rules
        if "rating_disagrees" in phs and o["channel"] != "google":
            err(w, "rating_disagrees needs a google star_rating")
        if sr is not None:
            clash = (sen == "negative" and sr >= 4) or (sen == "positive" and sr <= 2)
            if clash and "rating_disagrees" not in phs:
                err(w, f"{sen} text with {sr} stars should carry rating_disagrees")
            if "rating_disagrees" in phs and not clash:
                err(w, f"rating_disagrees but a {sen} text with {sr} stars does not contradict")
        if "long_form" in phs and len(text) < LONG_FORM_MIN:
            err(w, f"long_form needs >= {LONG_FORM_MIN} characters (has {len(text)})")
        if "one_word" in phs and len(letter_words(text)) != 1:
            err(w, "one_word text must contain exactly one word")
        if "emoji_only" in phs and re.search(r"[^\W_]", text):
            err(w, "emoji_only text contains letters or digits")
        if ("code_switching" in phs) != (o["lang"] == "mixed"):
            err(w, "lang 'mixed' if and only if code_switching")
        if "complaint_as_question" in phs and it != "complaint":
            err(w, "complaint_as_question must be labelled complaint")
        if "sarcasm" in phs and sen != "negative":
            err(w, "sarcasm is labelled negative")
        if "praise_with_complaint" in phs and it not in ("praise", "complaint"):
            err(w, "praise_with_complaint must be praise or complaint (dominant intent)")


def check_replies(rows):
    seen, ids = {}, set()
    for n, o in enumerate(rows, 1):
        w = o.get("id", f"replies line {n}")
        if not re.fullmatch(r"j\d{4}", str(o.get("id"))) or o.get("id") in ids:
            err(w, "id must be j and four digits, unique across the part files")
        ids.add(o.get("id"))
        keys = set(o)
        if keys != set(REPLY_KEYS):
            err(w, f"keys differ: extra {sorted(keys - set(REPLY_KEYS))}, "
                   f"missing {sorted(set(REPLY_KEYS) - keys)}")
            continue
        text = o["text"]
        if not isinstance(text, str) or not text.strip():
            err(w, "empty text")
            continue
        if text.strip() in seen:
            err(w, f"duplicate text of {seen[text.strip()]}")
        seen[text.strip()] = w
        check_lang(w, o)
        if o["tone"] not in TONES:
            err(w, f"bad tone {o['tone']!r}")
        for k in ("moves_to_private", "gives_medical_advice", "clinical_looking"):
            if not isinstance(o[k], bool):
                err(w, f"{k} must be true or false")
        if o["gives_medical_advice"] is True and o["clinical_looking"] is not True:
            err(w, "a reply giving medical advice is necessarily clinical_looking")


def table(title, counter, order, md, total=None):
    total = total if total is not None else sum(counter.values())
    out = []
    if md:
        out += [f"**{title}**", "", "| value | n | % |", "|---|---:|---:|"]
        for k in order:
            c = counter.get(k, 0)
            out.append(f"| {k} | {c} | {100 * c / total:.1f} |" if total else f"| {k} | {c} | - |")
        out.append("")
    else:
        out.append(f"== {title}")
        for k in order:
            c = counter.get(k, 0)
            pct = f"{100 * c / total:5.1f}%" if total else ""
            out.append(f"  {str(k):<28}{c:>5}  {pct}")
    return "\n".join(out)


def cross(title, rows, rkey, ckey, rorder, corder, md):
    cnt = collections.Counter((r[rkey], r[ckey]) for r in rows)
    out = []
    if md:
        out += [f"**{title}**", "",
                f"| {rkey} \\ {ckey} | " + " | ".join(map(str, corder)) + " | total |",
                "|---|" + "---:|" * (len(corder) + 1)]
        for rv in rorder:
            vals = [cnt.get((rv, cv), 0) for cv in corder]
            out.append(f"| {rv} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
        out.append("")
    else:
        out.append(f"== {title}")
        out.append("  " + f"{rkey:<20}" + "".join(f"{str(c)[:11]:>12}" for c in corder) + f"{'total':>8}")
        for rv in rorder:
            vals = [cnt.get((rv, cv), 0) for cv in corder]
            out.append("  " + f"{str(rv):<20}" + "".join(f"{v:>12}" for v in vals) + f"{sum(vals):>8}")
    return "\n".join(out)


def summary(msgs, reps, md):
    C = collections.Counter
    n = len(msgs)
    varieties = [v for v in VARIETIES if any(m["variety"] == v for m in msgs)]
    parts = [
        table("messages: variety", C(m["variety"] for m in msgs), varieties, md),
        table("messages: lang", C(m["lang"] for m in msgs), LANGS, md),
        table("messages: channel", C(m["channel"] for m in msgs), CHANNELS, md),
        table("messages: google star_rating", C(m["star_rating"] for m in msgs if "star_rating" in m),
              [1, 2, 3, 4, 5], md),
        table("messages: intent", C(m["intent"] for m in msgs), INTENTS, md),
        table("messages: sentiment", C(m["sentiment"] for m in msgs), SENTIMENTS, md),
        table("messages: domain", C(m["domain"] for m in msgs), list(TAXONOMY), md),
        cross("messages: category x intent", msgs, "category", "intent", CATEGORIES, INTENTS, md),
        cross("messages: intent x sentiment", msgs, "intent", "sentiment", INTENTS, SENTIMENTS, md),
        table("messages: phenomena (% of messages; a message may have several)",
              C(p for m in msgs for p in m["phenomena"]), PHENOMENA, md, total=n),
        table("replies: tone", C(r["tone"] for r in reps), TONES, md),
        table("replies: variety", C(r["variety"] for r in reps),
              [v for v in VARIETIES if any(r["variety"] == v for r in reps)], md),
        table("replies: flags (% of replies)",
              {"moves_to_private": sum(r["moves_to_private"] for r in reps),
               "gives_medical_advice": sum(r["gives_medical_advice"] for r in reps),
               "clinical_looking": sum(r["clinical_looking"] for r in reps),
               "clinical_looking, no advice": sum(r["clinical_looking"] and not r["gives_medical_advice"]
                                                  for r in reps)},
              ["moves_to_private", "gives_medical_advice", "clinical_looking",
               "clinical_looking, no advice"], md, total=len(reps)),
        cross("replies: tone x moves_to_private", reps, "tone", "moves_to_private", TONES, [True, False], md),
        cross("replies: tone x gives_medical_advice", reps, "tone", "gives_medical_advice",
              TONES, [True, False], md),
    ]
    print(("\n" if md else "\n\n").join(parts))


def quotas(msgs, reps):
    failed = 0
    print("\n== quotas")
    for label, fn, minimum in MSG_QUOTAS + REPLY_QUOTAS:
        rows = reps if (label, fn, minimum) in REPLY_QUOTAS else msgs
        v = fn(rows)
        ok = v >= minimum
        failed += not ok
        print(f"  [{'ok' if ok else 'NO'}] {label}: {v} (min {minimum})")
    n = len(msgs) or 1
    ic = collections.Counter(m["intent"] for m in msgs)
    for it, target in INTENT_MIX.items():
        share = 100 * ic[it] / n
        ok = abs(share - target) <= INTENT_TOL
        failed += not ok
        print(f"  [{'ok' if ok else 'NO'}] intent {it}: {share:.1f}% (target {target}% +-{INTENT_TOL})")
    return failed


def main():
    args = sys.argv[1:]
    unknown = [a for a in args if a not in ("--partial", "--markdown")]
    if unknown:
        sys.exit(f"unknown arguments {unknown}; use --partial and/or --markdown")
    partial, md = "--partial" in args, "--markdown" in args
    # messages.jsonl and messages_<part>.jsonl (one file per author working in parallel), same for replies
    msgs = [o for name in sorted(f for f in os.listdir(HERE) if re.fullmatch(r"messages(_\w+)?\.jsonl", f))
            for o in load(name)]
    reps = [o for name in sorted(f for f in os.listdir(HERE) if re.fullmatch(r"replies(_\w+)?\.jsonl", f))
            for o in load(name)]
    check_messages(msgs)
    check_replies(reps)
    if errors:
        print(f"{len(errors)} error(s):")
        for e in errors[:300]:
            print("  " + e)
        sys.exit(1)
    print(f"{len(msgs)} messages, {len(reps)} replies: schema and labelling rules OK\n")
    summary(msgs, reps, md)
    if partial:
        print("\n(--partial: quotas not checked)")
        return
    failed = quotas(msgs, reps)
    if failed:
        print(f"\n{failed} quota(s) not met")
        sys.exit(2)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
