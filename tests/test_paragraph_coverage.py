"""Every fact-stating paragraph of the documents is reachable in the knowledge base."""

from __future__ import annotations

from tests.paragraphs import EXCLUDED_FILE, SEEDS, TARGET, excluded, measure, paragraphs


def test_paragraph_coverage(snapshot) -> None:
    counted, uncovered = measure(snapshot)
    share = 1 - len(uncovered) / len(counted)
    listing = "\n".join(f"{p.doc[:3]}:{p.line} {s:.2f} {p.text[:60]}" for p, s in uncovered[:40])
    assert share >= TARGET, f"{share:.3f} of {len(counted)} paragraphs covered; first misses:\n{listing}"


def test_exclusions_name_real_paragraphs_with_a_reason() -> None:
    lines = {(p.doc, p.line) for doc in SEEDS.glob("*.txt") for p in paragraphs(doc)}
    skipped = excluded()
    assert [k for k in skipped if k not in lines] == [], f"stale entries in {EXCLUDED_FILE.name}"
    reasons = ("duplicate", "furniture", "broken", "no fact")
    assert [k for k, why in skipped.items() if not why.startswith(reasons)] == []
    # Exclusions are for text with nothing to learn, not for hard paragraphs.
    assert len(skipped) <= 0.25 * len(lines)
