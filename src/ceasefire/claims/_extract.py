"""Finding checkable claims in a text: a named speaker, an attribution verb, and something one could verify.

A sentence is a claim when it has an attribution cue ("said", "claimed", "according to", "заявил", "за словами"
...) and its content is checkable: it has an event or state cue ("surrounded", "shot down", "blew up",
"окружены") or a number. The speaker is the short phrase on the other side of the cue from the content ("Putin
said that ..." / "... , Putin said" / "according to the General Staff, ..."); a pronoun speaker ("he said") is
the last named speaker before it. The author's own verdict is a verdict cue ("no evidence", "false", "could not
be verified") outside the quoted claim: before the cue ("falsely claimed") or in the next sentence when that
sentence quotes nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ceasefire.reading import Features, Lang, Match, detect_lang, features, lexicon, party_in, split_sentences

_PRONOUNS = frozenset((
    "he", "she", "they", "it", "we", "i", "він", "вона", "вони", "воно", "ми", "я", "он", "она", "они", "оно", "мы",
))
_BOUNDARY = re.compile(r"(?:[,;:]\s*[\"”»]?|[\"”»]\s*,?|\s[—–-]\s)")
_THAT = re.compile(r"(?:^|[\s,])(?:that|що|щоб|что|чтобы|будто)\s", re.IGNORECASE)
_MAX_SPEAKER_WORDS = 16
# A news dateline at the start of a sentence: "KYIV. March 21 (Interfax-Ukraine) - ".
_DATELINE = re.compile(r"^(?:[A-ZА-ЯЁІЇЄҐ'’ -]{3,}[.,]\s*)?(?:\w+\s+\d{1,2}\s*)?\([^)]{2,40}\)\s*[-–—]\s*")


@dataclass(frozen=True)
class FoundClaim:
    speaker: str
    party: str | None
    text: str
    sentence: str
    start: int  # offset of the sentence in the text
    verdict: str | None = None  # the author's verdict, a name on the claims scale
    verdict_words: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "party": self.party, "text": self.text, "sentence": self.sentence,
                "author_verdict": self.verdict, "verdict_words": self.verdict_words}


def claims_in_text(text: str, lang: Lang | None = None) -> list[FoundClaim]:
    """The attributed, checkable statements in ``text``, in order."""
    lang = lang or detect_lang(text)
    sentences = split_sentences(text)
    found: list[FoundClaim] = []
    last_speaker: str | None = None
    parties_by_surname: dict[str, str] = {}
    parsed = [features(s.text, lang) for s in sentences]
    for i, (sentence, f) in enumerate(zip(sentences, parsed, strict=True)):
        result = _claim_in(f)
        if result is None:
            named = _named_speaker_in(f)
            last_speaker = named or last_speaker
            continue
        speaker, content, pre = result
        if speaker.lower() in _PRONOUNS or not speaker:
            if last_speaker is None:
                continue
            speaker = last_speaker
        last_speaker = speaker
        if not _checkable(features(content, lang)):
            continue
        verdict = _verdict(pre) or (_authors_verdict(parsed[i + 1]) if i + 1 < len(parsed) else None)
        surname = speaker.split()[-1].lower()
        party = party_in(speaker) or parties_by_surname.get(surname)
        if party is not None:
            parties_by_surname.setdefault(surname, party)
        found.append(FoundClaim(
            speaker=speaker, party=party, text=content, sentence=sentence.text, start=sentence.start,
            verdict=verdict[0] if verdict else None, verdict_words=verdict[1] if verdict else None,
        ))
    return found


def _authors_verdict(f: Features) -> tuple[str, str] | None:
    """A verdict cue in the author's own words: before anyone is quoted in the sentence."""
    cues = lexicon(f.lang).attribution.find(f.tokens)
    first_cue = f.tokens[cues[0].first].start if cues else len(f.text)
    verdict = _verdict(f)
    if verdict is None or f.text.find(verdict[1]) >= first_cue:
        return None
    return verdict


def _checkable(f: Features) -> bool:
    """An event or state one could verify, or a number. Words inside a ceasefire phrase ("refrain from strikes")
    state terms, not events, so they do not count."""
    lex = lexicon(f.lang)
    terms = [m for m in lex.concepts.find(f.tokens) if m.value == "ceasefire"]
    events = [m for m in lex.checkable.find(f.tokens)
              if not any(t.first <= m.first <= t.last or m.first <= t.first <= m.last for t in terms)]
    return bool(events) or bool(f.numbers)


def _verdict(f: Features) -> tuple[str, str] | None:
    for match in lexicon(f.lang).verdict.find(f.tokens):
        return match.value, f.text[f.tokens[match.first].start:f.tokens[match.last].end]
    return None


def _named_speaker_in(f: Features) -> str | None:
    lex = lexicon(f.lang)
    people = lex.people.find(f.tokens)
    return f.text[f.tokens[people[0].first].start:f.tokens[people[0].last].end] if people else None


def _claim_in(f: Features) -> tuple[str, str, Features] | None:
    """(speaker, content, the words around the speaker) for the first attribution cue with a plausible speaker
    ("along said routes" has none), else the first with a pronoun speaker, else None."""
    fallback: tuple[str, str, Features] | None = None
    for cue in lexicon(f.lang).attribution.find(f.tokens):
        found = _candidate(f, cue)
        if found is None:
            continue
        strength, speaker, content, around = found
        if strength == _PLAUSIBLE:
            return _finish(speaker, content, around, f)
        fallback = fallback or _finish(speaker, content, around, f)
    return fallback


_PRONOUN, _PLAUSIBLE = 1, 2


def _candidate(f: Features, cue: Match) -> tuple[int, str, str, str] | None:
    text = f.text
    left, right = text[: f.tokens[cue.first].start], text[f.tokens[cue.last].end:]
    if _is_according_to(f, cue):
        speaker, _, content = right.partition(",")
        if not content.strip():
            speaker, content = right, left
        strength = _speaker_strength(speaker, f.lang)
        return (strength, speaker, content, left) if strength else None
    boundaries = list(_BOUNDARY.finditer(left))
    if len(boundaries) >= 2 and not left[boundaries[-1].end():].strip():
        # "..., Mikhail Mizintsev, the head of the centre, said": a name and its apposition before the cue.
        opener = boundaries[-3] if len(boundaries) >= 3 else None
        speaker = left[opener.end() if opener else 0: boundaries[-1].start()]
        content_left = left[: opener.start()] if opener else ""
        quoted = opener is not None and _closes_quote(opener.group(0))
    else:
        cut = boundaries[-1] if boundaries else None
        speaker = left[cut.end():] if cut else left
        content_left = left[: cut.start()] if cut else ""
        quoted = cut is not None and _closes_quote(cut.group(0))
    strength = _speaker_strength(speaker, f.lang)
    if strength:
        use_left = (quoted and content_left.strip()) or len(right.split()) < 3
        return strength, speaker, content_left if use_left else right, speaker
    # "..., said the defence ministry": the speaker follows the cue.
    speaker_right = re.split(r"[,;.]", right, maxsplit=1)[0]
    if left.strip() and _speaker_strength(speaker_right, f.lang) == _PLAUSIBLE:
        return _PLAUSIBLE, speaker_right, content_left or left, speaker_right
    return None


def _closes_quote(boundary: str) -> bool:
    return any(mark in boundary for mark in "\"”»")


def _is_according_to(f: Features, cue: Match) -> bool:
    return cue.last > cue.first and f.tokens[cue.first].lemma in ("according", "по", "за")


_NAME_JOINERS = frozenset(("of", "the", "and", "for", "de", "von", "van", "al", "bin", "і", "та", "и"))


def _speaker_strength(phrase: str, lang: Lang) -> int:
    """0: not a speaker; 1: a pronoun (resolved to the last speaker named); 2: a name, party, role or institution."""
    words = [w.strip(".,\"'“”«»()") for w in phrase.split()]
    words = [w for w in words if w]
    if not words or len(words) > _MAX_SPEAKER_WORDS:
        return 0
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return _PRONOUN
    # A party's name makes a speaker on its own only in a short phrase ("Ukraine", "the Kremlin"); a longer
    # one needs a role ("Russia's defence ministry") or must be a name ("... under Russian control" is neither).
    if len(words) <= 3 and party_in(phrase) is not None:
        return _PLAUSIBLE
    lemmas = {t.lemma for t in features(phrase, lang).tokens}
    if lemmas & lexicon(lang).speaker_roles:
        return _PLAUSIBLE
    name = [w for w in words if w.lower() not in _NAME_JOINERS]
    if name and len(name) <= 6 and all(w[:1].isupper() for w in name):
        return _PLAUSIBLE
    return 0


def _finish(speaker: str, content: str, around: str, f: Features) -> tuple[str, str, Features]:
    speaker_features = features(speaker, f.lang)
    for mention in speaker_features.dates:
        speaker = speaker.replace(mention.surface, " ")
    speaker = re.sub(r"^\W+|\W+$", "", " ".join(speaker.split()))
    lead_words = {"but", "and", "on", "in", "at", "later", "then", "also", "however", "yesterday", "today",
                  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "але", "і", "а", "но", "и", "однако", "вчора", "сегодня", "вчера", "сьогодні"}
    parts = speaker.split()
    while parts and parts[0].lower().strip(",") in lead_words:
        parts = parts[1:]
    while parts and parts[-1].lower() in {"also", "again", "has", "have", "had", "was", "were", "is", "would",
                                          "will", "також", "также", "тоже", "ще", "еще"}:
        parts = parts[:-1]
    speaker = " ".join(parts)
    for word in ("falsely", "wrongly", "baselessly", "безпідставно", "неправдиво", "ложно", "безосновательно"):
        speaker = re.sub(rf"\s*\b{word}\b", "", speaker, flags=re.IGNORECASE)
    content = _DATELINE.sub("", " ".join(content.split()).strip(" ,;:—–-\"'“”«»"), count=1)
    that = _THAT.search(content)
    if that and len(content[: that.start()].split()) <= 5:
        content = content[that.end():]
    content = content.strip(" ,;:—–-\"'“”«»")
    return speaker.strip(), content.rstrip("."), features(around, f.lang) if around.strip() else features("", f.lang)
