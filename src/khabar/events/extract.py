"""Events in one sentence: trigger words, the clause each stands in, its modality, and its participants.

The sentence arrives as folded tokens (`keys`) with, per token, the entity that holds it (if any). The extractor
finds trigger words (longest spelling first, clitics taken off), cuts the sentence into clauses at connectives
and punctuation, and builds at most one violent event, one protest and one event of each strategic kind per
clause. Everything it returns is token indices; the caller maps them to the original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .words import (ABSTRACT, AFTER_ALLEGED, AGENT_MARKS_KEYED, ALLEGED, ARMED, CALL, CIVILIAN, CLAUSE_BREAKS, COMPLEMENTIZER_PRONOUNS,
                    FUTURE_AFTER, OFFICIAL, ORGANIZED, RELATIVES, VICTIM_SUBJECT, VIOLENT_ADJ, WEAK_VALIDATORS,
                    ENCLITICS, FIRING, FOILED, FUTURE, GENERIC, HYPOTHETICAL, INTERVENTION, MILITARY_OBJECTS,
                    NEGATION, NON_POLITICAL, PLACE_HEADS, PLAN, PRISONERS, PROCLITICS, PROTESTERS, PUNCT_BREAKS,
                    RESULT, SUB_PRIORITY, SUB_TO_TYPE, TARGET_MARKS, THREAT, VAGUE_COUNTS, WEAPON_OBJECTS, Trigger,
                    parse_number, triggers)
from ..temporal.words import APPROX, MORE_LESS, tkey

VIOLENT_ROLES = {"attack", "attack_weak", "outcome", "weapon", "territory"}
STRATEGIC_ROLES = {"arrest", "mobilize", "agreement", "disrupted", "looting", "escape", "base", "withdraw"}
ARMED_KINDS = {"armed_group", "military", "security", "coalition"}
_ALA = tkey("على")


@dataclass
class Hit:
    i: int
    j: int
    trig: Trigger
    future: bool = False  # written with the future prefix سـ (سيتم, سيستهدف)
    prefix: str = ""  # the proclitics taken off the first word
    pronoun: bool = False  # an attached pronoun was taken off (هزيمته, استهدافهم)


@dataclass
class Participant:
    a: int
    b: int
    entity: int | None  # index into the caller's entity list
    kind: str  # armed | civilian | protesters | state | actor | other


@dataclass
class Found:
    """One event in token indices."""

    trigger: tuple[int, int]
    role: str
    acled_type: str | None
    sub_event: str | None
    plover: str | None
    mode: str | None
    modality: str
    clause: tuple[int, int]
    actor1: Participant | None = None
    actor2: Participant | None = None
    fatalities: tuple[int, int, int | None] | None = None  # best, low, high
    fatalities_at: tuple[int, int] | None = None
    hits: list[Hit] = field(default_factory=list)


def _candidates(k: str) -> list[tuple[str, bool, str, bool]]:
    """A word with its clitics taken off in every way that can apply: (form, future سـ taken off, proclitics
    taken off, pronoun taken off)."""
    out = [(k, False, "", False)]
    for p in PROCLITICS:
        if k.startswith(p) and len(k) - len(p) >= 2:
            out.append((k[len(p):], False, p, False))
    if k.startswith("لل") and len(k) > 4:
        out.append(("ال" + k[2:], False, "ل", False))
    for w, _, p, _ in list(out):
        if w.startswith("ال") and len(w) > 4:
            out.append((w[2:], False, p, False))
        if w[:2] in ("سي", "ست", "سن") and len(w) > 4:
            out.append((w[1:], True, p, False))
    for w, fut, p, _ in list(out):
        for e in ENCLITICS:
            if w.endswith(e) and len(w) - len(e) >= 3:
                base = w[: -len(e)]
                out.append((base, fut, p, True))
                if base.endswith("و"):
                    out.append((base + "ا", fut, p, True))  # اختطفوها → اختطفوا
        if w.endswith("ا") and len(w) > 4:
            out.append((w[:-1], fut, p, False))  # the accusative: تفجيرا, هجوما
    return out


_FIRST: set[str] | None = None


def find_hits(keys: list[str]) -> list[Hit]:
    global _FIRST
    table = triggers()
    if _FIRST is None:
        _FIRST = {w[0] for w in table}
    hits: list[Hit] = []
    i = 0
    while i < len(keys):
        best: Hit | None = None
        for cand, fut, pre, pron in _candidates(keys[i]):
            if cand not in _FIRST:
                continue
            for n in (4, 3, 2, 1):
                if i + n > len(keys):
                    continue
                words = (cand,) + tuple(keys[i + 1:i + n])
                trig = table.get(words)
                if trig is not None and (best is None or n > best.j - best.i):
                    best = Hit(i, i + n, trig, fut, pre, pron)
                    break
        if best is not None:
            hits.append(best)
            i = best.j
        else:
            i += 1
    return hits


def _bare(k: str) -> str:
    for p in ("وب", "ول", "و", "ف", "ب", "ل"):
        if k.startswith(p) and len(k) - len(p) >= 3:
            return k[len(p):]
    return k


class SentenceEvents:
    def __init__(self, keys: list[str], ent_at: list[int], entities: list[Any]) -> None:
        self.keys = keys
        self.ent_at = ent_at  # per token: index of the entity holding it, or -1
        self.entities = entities
        self.bare = [_bare(k) for k in keys]

    # -- clauses ------------------------------------------------------------------------------------------------
    def clauses(self) -> list[tuple[int, int]]:
        cuts = [0]
        for x, k in enumerate(self.keys):
            if x and (k in PUNCT_BREAKS or k in CLAUSE_BREAKS) and x != cuts[-1]:
                cuts.append(x)
        cuts.append(len(self.keys))
        return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]

    # -- participants -------------------------------------------------------------------------------------------
    def word_kind(self, x: int) -> str | None:
        b = self.bare[x]
        if x > 0 and self.keys[x].startswith("ال") and (self.keys[x] in VIOLENT_ADJ or b in VIOLENT_ADJ) and \
                not self.keys[x - 1].startswith(("و", "ف")) and self.bare[x - 1] not in (tkey("من"), tkey("على")):
            return None  # التفجير الإرهابي: an adjective
        cands = {self.keys[x], b, b[2:] if b.startswith("ال") else "ال" + b}
        if cands & PROTESTERS:
            return "protesters"
        if cands & CIVILIAN:
            return "civilian"
        if cands & ARMED:
            return "armed"
        if cands & PRISONERS:
            return "other"
        return None

    def entity_kind(self, e: Any) -> str:
        if e.kind in ARMED_KINDS or e.acled_category in ("Rebel Groups", "Political Militias", "Identity Militias",
                                                           "External/Other Forces"):
            return "armed"
        if e.kind == "state" or e.acled_category == "State Forces":
            return "state"
        if e.kb_id or e.label in ("PER", "ORG"):
            return "actor"
        return "place"

    def np_at(self, x: int, stop: int) -> Participant | None:
        """The participant phrase starting at token x: an entity, or [number] + a word naming people."""
        e = self.ent_at[x]
        if e >= 0:
            ent = self.entities[e]
            b = x
            while b < stop and self.ent_at[b] == e:
                b += 1
            kind = self.entity_kind(ent)
            if kind == "place":
                return None
            return Participant(x, b, e, kind)
        a = x
        num = parse_number(self.keys, x)
        if num is not None:
            x = num[1]
        elif self.keys[x] in VAGUE_COUNTS:
            x += 1
            if x < stop and self.keys[x] == tkey("من"):
                x += 1
        if x >= stop:
            return None
        kind = self.word_kind(x)
        if kind is None:
            return None
        b = x + 1
        # one more word: a genitive or adjective (طائرات التحالف, عناصر الأمن, جنود إسرائيليين)
        if b < stop and self.ent_at[b] >= 0:
            ent = self.entities[self.ent_at[b]]
            kb = self.ent_at[b]
            while b < stop and self.ent_at[b] == kb:
                b += 1
            if self.entity_kind(ent) in ("armed", "state", "actor"):
                return Participant(a, b, kb, self.entity_kind(ent) if kind == "armed" else kind)
            return Participant(a, b, None, kind)
        for _ in range(3):  # a construct chain or adjectives: مسجد قوات الطوارئ, جنود النظام السوري
            if b >= stop or find_hits([self.keys[b]]) or self.keys[b] in CLAUSE_BREAKS or self.keys[b] in \
                    PUNCT_BREAKS or not self.keys[b][:1].isalpha() or self.keys[b] in RELATIVES:
                break
            if self.ent_at[b] >= 0:
                e = self.ent_at[b]
                while b < stop and self.ent_at[b] == e:
                    b += 1
                break
            if self.keys[b].startswith("ال") or self.word_kind(b) is not None:
                b += 1
                continue
            break
        return Participant(a, b, None, kind)

    def last_actor_before(self, x: int, other: Participant | None) -> Participant | None:
        y = x - 1
        while y >= 0:
            e = self.ent_at[y]
            if e >= 0 and self.entity_kind(self.entities[e]) in ("armed", "actor"):
                a = y
                while a > 0 and self.ent_at[a - 1] == e:
                    a -= 1
                p = self.np_at(a, len(self.keys))
                if p is not None and (other is None or other.entity != p.entity):
                    return p
                y = a
            elif self.word_kind(y) == "armed":
                a = y - 1 if y > 0 and self.word_kind(y - 1) == "armed" else y  # زعماء وعناصر داعش
                p = self.np_at(a, len(self.keys))
                if p is not None:
                    return Participant(a, max(p.b, y + 1), p.entity, p.kind)
            y -= 1
        return None

    def np_after(self, x: int, stop: int, limit: int = 4) -> Participant | None:
        for y in range(x, min(stop, x + limit)):
            p = self.np_at(y, stop)
            if p is not None:
                return p
        return None

    def np_before(self, x: int, start: int, cues: set[int], limit: int = 8) -> Participant | None:
        if x - 1 >= start and self.keys[x - 1] in RELATIVES:
            # "التفجير الذي استهدف": the subject is the antecedent; an actor only if it names one
            if x - 2 >= start and self.word_kind(x - 2) == "armed":
                a = x - 2
                if a > start and (parse_number(self.keys, a - 1) or self.keys[a - 1] in VAGUE_COUNTS):
                    a -= 1
                return Participant(a, x - 1, None, "armed")
            return None
        y = x - 1
        passed_cue = False
        while y >= max(start, x - limit):
            if y in cues:
                passed_cue = True
            e = self.ent_at[y]
            if e >= 0:
                a = y
                while a > start and self.ent_at[a - 1] == e:
                    a -= 1
                p = self.np_at(a, x)
                if p is not None and (not passed_cue or self.keys[x - 1] in COMPLEMENTIZER_PRONOUNS):
                    # "X وبالتعاون مع Y والقوات Z قامت": the first actor of a coordination is the agent
                    if self.keys[a].startswith("و") or (a > start and self.bare[a - 1] == tkey("مع")):
                        earlier = self.np_before(a, start, cues, limit=8)
                        if earlier is not None and earlier.kind in ("armed", "state", "actor"):
                            return earlier
                    return p
                y = a - 1
                continue
            if self.word_kind(y) in ("armed", "protesters") and not passed_cue:
                a = y
                if a > start and (parse_number(self.keys, a - 1) or self.keys[a - 1] in VAGUE_COUNTS):
                    a -= 1
                return Participant(a, y + 1, None, self.word_kind(y) or "other")
            y -= 1
        return None

    # -- modality -----------------------------------------------------------------------------------------------
    def modality(self, hit: Hit, start: int) -> str:
        if hit.future:
            return "threat"
        before = [self.keys[y] for y in range(max(start, hit.i - 6), hit.i)]
        bare = [_bare(k) for k in before]
        near = before[-3:] + bare[-3:]
        trig_key = self.keys[hit.i]
        if any(k in NEGATION or (k[:1] == "س" and k[1:] in NEGATION) for k in near):
            return "negated"
        if any(self.keys[y] in FUTURE_AFTER for y in range(hit.j, min(len(self.keys), hit.j + 3))):
            return "plan"
        if any(k in THREAT or b in THREAT for k, b in zip(before, bare)):
            return "threat"
        if any(k in FUTURE or b in FUTURE for k, b in zip(before, bare)):
            return "threat"
        protesters = self.word_kind(hit.i) == "protesters"  # طالب المتظاهرون: they demand, they did protest
        if not protesters and any(k in CALL or b in CALL for k, b in zip(before, bare)):
            return "call"
        if any(k in ALLEGED or b in ALLEGED for k, b in zip(before[-4:], bare[-4:])) or \
                (hit.j < len(self.keys) and self.keys[hit.j] in AFTER_ALLEGED):
            return "alleged"
        if hit.prefix.endswith("ل") and not (before and _bare(before[-1]).startswith(
                (tkey("تعرض"), tkey("يتعرض"), tkey("تتعرض")))):
            return "plan"  # لقصف, للقضاء على: a purpose, unless "تعرض لـ" (was subjected to)
        if not protesters and any(k in PLAN or b in PLAN for k, b in zip(before, bare)):
            return "plan"
        if any(k in HYPOTHETICAL for k in before[-4:] if k != tkey("قد")):
            return "hypothetical"
        if tkey("قد") in before[-2:] and trig_key[:1] in ("ي", "ت"):
            return "hypothetical"
        for y in range(max(0, len(before) - 4), len(before) - 1):  # "بما قد يزيد من خروج المتظاهرين"
            if before[y] == tkey("قد") and before[y + 1][:1] in ("ي", "ت") and len(before[y + 1]) > 3:
                return "hypothetical"
        if hit.trig.pos == "noun" and hit.i > 0:  # "380 هجوما إرهابيا خلال العام": a count of attacks, not one
            for y in range(max(0, hit.i - 2), hit.i):
                n = parse_number(self.keys, y)
                if n is not None and n[1] == hit.i and n[0] >= 5 and hit.trig.role in ("attack", "attack_weak"):
                    return "generic"
        if any(k in GENERIC or b in GENERIC for k, b in zip(before[-2:], bare[-2:])):
            return "generic"
        return "asserted"

    # -- fatalities ---------------------------------------------------------------------------------------------
    def count_near(self, hit: Hit, stop: int) -> tuple[tuple[int, int, int | None], tuple[int, int]] | None:
        """The number of dead a killing word gives: مقتل 5, قتل نحو عشرين, 12 قتيلاً, عشرات القتلى."""
        y = hit.j
        while y < min(stop, hit.j + 5):
            k = self.keys[y]
            if k in APPROX or k in MORE_LESS or k in (tkey("من"), tkey("عن"), tkey("إلى"), tkey("الى"),
                                                       tkey("ما"), tkey("لا"), tkey("يقل"), tkey("عدد")):
                y += 1
                continue
            n = parse_number(self.keys, y)
            if n is not None:
                return (n[0], n[0], n[0]), (y, n[1])
            if k in VAGUE_COUNTS:
                return VAGUE_COUNTS[k], (y, y + 1)
            break
        for y in range(hit.j, min(stop, hit.j + 9)):  # قتل انتحاري، يشتبه بانتمائه للتنظيم، 32 شخصا
            n = parse_number(self.keys, y)
            if n is not None and n[1] < stop and self.word_kind(n[1]) in ("civilian", "armed"):
                return (n[0], n[0], n[0]), (y, n[1])
        for y in range(max(0, hit.i - 3), hit.i):
            n = parse_number(self.keys, y)
            if n is not None and n[1] == hit.i:
                return (n[0], n[0], n[0]), (y, n[1])
            if self.keys[y] in VAGUE_COUNTS and y + 1 == hit.i:
                return VAGUE_COUNTS[self.keys[y]], (y, y + 1)
        return None

    # -- events -------------------------------------------------------------------------------------------------
    def extract(self, cues: set[int]) -> list[Found]:
        hits = find_hits(self.keys)
        if not hits:
            return []
        out: list[Found] = []
        self.last_agent: Participant | None = None
        self.last_agent_or_event = False
        for a, b in self.clauses():
            local = [h for h in hits if a <= h.i < b]
            if local:
                out.extend(self.clause_events(local, a, b, cues))
        return self.merge(out)

    def violent_context(self, a: int, b: int, local: list[Hit], h: Hit) -> bool:
        if any(o is not h and o.trig.role in ("attack", "outcome", "weapon") and
               not (o.trig.role == "outcome" and o.trig.mode == "injured") for o in local):
            return True
        b = min(len(self.keys), b + 6)  # a comma after the verb: استهدفت، بصاروخين
        for y in range(a, b):
            if self.keys[y] in VIOLENT_ADJ or self.bare[y] in VIOLENT_ADJ:
                return True
            if self.word_kind(y) == "armed" or (self.ent_at[y] >= 0 and
                                                self.entity_kind(self.entities[self.ent_at[y]]) == "armed"):
                return True
        return False

    def clause_events(self, local: list[Hit], a: int, b: int, cues: set[int]) -> list[Found]:
        keys, bare = self.keys, self.bare
        window = set(keys[a:b]) | set(bare[a:b])
        non_political = bool(window & NON_POLITICAL)
        out: list[Found] = []
        violent: list[Hit] = []
        for h in local:
            r = h.trig.role
            if r not in VIOLENT_ROLES:
                continue
            if r == "attack_weak" and not self.violent_context(a, b, local, h):
                near = {self.bare[y] for y in range(max(0, h.i - 3), min(len(keys), h.j + 3))} | \
                    {keys[y] for y in range(max(0, h.i - 3), min(len(keys), h.j + 3))}
                if not near & WEAK_VALIDATORS:
                    continue
            if r == "weapon":
                near = set(keys[max(a, h.i - 3):min(b, h.j + 3)]) | set(bare[max(a, h.i - 3):min(b, h.j + 3)])
                if not (near & FIRING) and not any(o.trig.role in ("attack", "outcome") for o in local):
                    continue
            if r == "territory":
                after = set(keys[h.j:min(b, h.j + 4)]) | set(bare[h.j:min(b, h.j + 4)])
                has_place = any(self.ent_at[y] >= 0 for y in range(h.j, min(b, h.j + 4)))
                if not (after & PLACE_HEADS or has_place) or not self.violent_context(a, b, local, h) and \
                        not has_place:
                    continue
            if r == "outcome" and h.j < b and keys[h.j] in (tkey("على"),) and h.j + 1 < b and \
                    _bare(keys[h.j + 1]) in ABSTRACT:
                continue
            if r == "outcome" and h.trig.words[-1] == _ALA and h.j < b and bare[h.j] in ABSTRACT:
                continue
            violent.append(h)
        opening = {self.bare[y] for y in range(a, min(b, a + 3))} | set(keys[a:min(b, a + 3)])
        if violent and all(h.trig.role == "outcome" for h in violent) and \
                not self.violent_context(a, b, [], violent[0]) and not (opening & RESULT and self.last_agent_or_event):
            # killed or wounded with no attack, weapon or armed party named: an accident, a disaster, an illness
            # or a sports injury as often as violence; the attack words decide
            violent = [h for h in violent if h.trig.mode == "killed" and h.trig.pos == "verb"]
            if violent and self.np_before(violent[0].i, a, cues) is None and not (
                    violent[0].i - a <= 1 and self.last_agent is not None):
                violent = []
        if violent and not non_political:
            evs = self.violent_event(violent, local, a, b, cues)
            out.extend(evs)
            self.last_agent_or_event = self.last_agent_or_event or bool(evs)
        prot = [h for h in local if h.trig.role in ("protest", "riot")]
        if prot:
            ev = self.protest_event(prot, local, a, b, cues)
            if ev is not None:
                out.append(ev)
        for h in local:
            if h.trig.role in STRATEGIC_ROLES:
                ev = self.strategic_event(h, local, a, b, cues)
                if ev is not None:
                    out.append(ev)
        return out

    def _foiled(self, h: Hit, a: int) -> bool:
        return any(self.keys[y] in FOILED or self.bare[y] in FOILED for y in range(max(a, h.i - 2), h.i))

    def violent_event(self, violent: list[Hit], local: list[Hit], a: int, b: int, cues: set[int]) -> list[Found]:
        main = next((h for h in violent if h.trig.role in ("attack", "attack_weak", "territory")), violent[0])
        modality = self.modality(main, a)
        if modality == "generic":
            return []
        if self._foiled(main, a):
            return [Found((main.i, main.j), "strategic", "Strategic developments", "Disrupted weapons use", "COERCE",
                          "confiscate", modality, (a, b), hits=violent)]
        subs = [h.trig.sub_event for h in violent if h.trig.sub_event not in ("*", "-")]
        sub = min(subs, key=SUB_PRIORITY.index) if subs else "*"
        mode = next((h.trig.mode for h in violent if h.trig.mode not in ("killed", "injured", "")), None)
        # participants
        agent: Participant | None = None
        target: Participant | None = None
        for y in range(a, b):
            for mark in AGENT_MARKS_KEYED:
                if tuple(self.bare[y:y + len(mark)]) == mark or tuple(self.keys[y:y + len(mark)]) == mark:
                    agent = self.np_after(y + len(mark), b, 3)
                    break
            if agent is not None:
                break
        first_verb = next((h for h in violent if h.trig.pos == "verb"), None)
        victim_subject = first_verb is not None and (self.bare[first_verb.i] in VICTIM_SUBJECT or
                                                     self.keys[first_verb.i] in VICTIM_SUBJECT)
        pre_victims = self.np_before(first_verb.i, a, cues) if victim_subject else None
        if victim_subject:
            first_verb = next((h for h in violent if h.trig.pos == "verb" and h is not first_verb and
                               self.bare[h.i] not in VICTIM_SUBJECT), None)
        if sub == "Armed clash" or main.trig.sub_event == "Armed clash":
            for y in range(main.j, min(b, main.j + 3)):  # اشتباكات بين X وY, معارك خاضها X مع Y
                if self.bare[y] in (tkey("بين"),) or self.keys[y] in (tkey("بين"),):
                    x1 = self.np_after(y + 1, b, 2)
                    if x1 is not None:
                        x2 = self.np_after(x1.b, b, 3)
                        agent, target = x1, x2
                    break
        if agent is None and self.word_kind(main.i) == "armed":
            agent = Participant(main.i, main.j, None, "armed")  # the trigger names the doer: انتحاري, مسلحون
        pre_target: Participant | None = None
        if agent is None and first_verb is not None:
            before = self.np_before(first_verb.i, a, cues)
            after_verb = self.np_after(first_verb.j, b, 2)
            if first_verb.pronoun and after_verb is not None and after_verb.a == first_verb.j and \
                    after_verb.kind in ("armed", "state", "actor"):
                agent, pre_target = after_verb, before  # قصفها الجيش التركي: the object is the pronoun
            else:
                agent = before
            if agent is None and first_verb.i - a <= 1 and self.last_agent is not None:
                agent = self.last_agent  # "… كما قضت على X": the verb goes on with the subject before it
            if agent is None:
                agent = self.np_before(first_verb.i, 0, cues, limit=10)  # across a comma: أوقف 4 مسلحين …، واختطفوا
                if agent is not None and agent.kind not in ("armed", "state"):
                    agent = None
        if agent is None:
            for h in violent:  # هجمات لحزب العمال, قذائف الحوثي, غارات التحالف: the doer in the genitive
                if h.trig.pos == "noun" and h.trig.role in ("attack", "attack_weak", "weapon"):
                    y = h.j
                    while y < min(b, h.j + 3) and (self.keys[y] in VIOLENT_ADJ or self.bare[y] in VIOLENT_ADJ or
                                                   self.keys[y] in (tkey("منفصلة"), tkey("متفرقة"))):
                        y += 1
                    p = self.np_at(y, b) if y < b else None
                    if p is not None and p.kind in ("armed", "state") and p.entity is not None:
                        agent = p
                        break
        if agent is None and first_verb is None:
            before = self.np_before(main.i, a, cues)
            if before is not None and before.kind == "armed":
                agent = before  # اتهم البيان عناصر الحزب بتنفيذ الهجوم
        after = self.np_after(main.j, b)
        if agent is not None and after is not None and (after.a, after.b) == (agent.a, agent.b):
            after = self.np_after(agent.b, b)
        if after is not None:
            if main.trig.pos == "verb" and agent is None and after.kind in ("armed", "state", "actor") and \
                    (after.a == main.j) and keys_not_mark(self.keys, after.a - 1):
                agent = after
                target = self.np_after(after.b, b)
            elif main.trig.pos == "noun" and main.trig.role == "attack" and after.a == main.j and \
                    after.kind in ("armed", "state") and agent is None:
                agent = after  # construct: غارات التحالف, هجوم داعش
            else:
                target = after
        for y in range(a, b):  # "على X", "ضد X", "استهدف X"
            if target is None and (self.keys[y] in TARGET_MARKS or self.bare[y] in TARGET_MARKS) and y >= main.i \
                    and not (y + 1 < b and self.bare[y + 1] in (tkey("يد"), tkey("أيدي"))):
                target = self.np_after(y + 1, b, 3)
        if target is None and pre_target is not None:
            target = pre_target
        if pre_victims is not None and (target is None or target.kind not in ("civilian", "armed", "protesters")):
            target = pre_victims
        if target is not None and agent is not None and (target.a, target.b) == (agent.a, agent.b):
            target = None
        if target is None and (main.pronoun or main.trig.pos == "noun" and self.keys[main.j - 1].endswith(
                ("ته", "تها", "تهم"))):
            # هزيمته, استهدافهم: the pronoun points back to the last armed actor named before it
            target = self.last_actor_before(main.i, agent)
        kills = [h for h in violent if h.trig.role == "outcome" and h.trig.mode == "killed"]
        victims = None
        fatal = None
        fat_at = None
        for h in kills:
            c = self.count_near(h, b)
            if c is not None:
                fatal, fat_at = c
                victims = self.np_after(fat_at[0], b, 3) or victims
                break
        if target is None and kills:
            target = victims or self.np_after(kills[0].j, b, 3)
        if victims is not None and (target is None or target.kind not in ("civilian", "armed", "protesters")):
            target = victims
        if target is not None and agent is not None and (target.a < agent.b and agent.a < target.b):
            target = None
        if fatal is None and kills and target is not None and target.entity is not None and \
                self.entities[target.entity].label == "PER":
            fatal = (1, 1, 1)
        if sub == "*":
            kinds = {p.kind for p in (target, victims) if p is not None}
            if "civilian" in kinds or "protesters" in kinds:
                sub = "Attack"
            elif "armed" in kinds or (target is not None and target.kind == "actor" and agent is not None):
                sub = "Armed clash"
            elif agent is not None and agent.kind in ("armed", "state") and target is not None:
                sub = "Armed clash"
            elif agent is not None and agent.kind == "state" and not kills:
                sub = "Armed clash"
            else:
                sub = "Attack"
        etype = SUB_TO_TYPE.get(sub)
        if agent is not None:
            self.last_agent = agent
        if modality != "asserted":
            plover = "THREATEN" if modality == "threat" else "ASSAULT"
        else:
            plover = "ASSAULT"
        return [Found((main.i, main.j), "violent", etype, sub, plover, mode, modality, (a, b), agent, target,
                      fatal, fat_at, violent)]

    def protest_event(self, prot: list[Hit], local: list[Hit], a: int, b: int, cues: set[int]) -> Found | None:
        prot = [h for h in prot if not (self.keys[h.i].endswith("ا") and self.bare[h.i].rstrip("ا").endswith(
            ("احتجاج", "تظاهر")))]  # "احتجاجاً على": in protest at, an adverb, not a protest
        if not prot:
            return None
        main = prot[0]
        modality = self.modality(main, a)
        if modality == "generic":
            return None
        actor = None
        if self.word_kind(main.i) == "protesters":
            p = self.np_at(main.i, b)  # متظاهرون أتراك: the trigger names the protesters
            actor = p if p is not None else Participant(main.i, main.j, None, "protesters")
        for y in range(main.j, min(b, main.j + 3)):  # مظاهرة نظمها طلاب, احتجاجات شارك فيها الآلاف
            if self.bare[y] in ORGANIZED:
                actor = actor or self.np_after(y + 1, b, 3)
        actor = actor or self.np_before(main.i, a, cues, 4)
        after = self.np_after(main.j, b, 3)
        if actor is None and after is not None and after.kind in ("protesters", "civilian", "other", "actor"):
            actor = after
        if actor is None and after is not None and after.a == main.j and after.entity is not None and \
                after.kind == "state":
            return None  # احتجت وزارة الخارجية: a statement
        near = {self.bare[y] for y in range(max(a, main.i - 3), min(b, main.j + 3))} | \
            {self.keys[y] for y in range(max(a, main.i - 3), min(b, main.j + 3))}
        if main.trig.words[0].startswith(tkey("احتج")) and near & OFFICIAL:
            return None
        if actor is not None and actor.entity is not None and \
                getattr(self.entities[actor.entity], "kind", None) in ("state", "government_body"):
            return None  # a government "protesting" is a statement, not a protest
        window = set(self.keys[a:b]) | set(self.bare[a:b])
        riot = any(h.trig.role == "riot" for h in prot)
        killed = any(h.trig.role == "outcome" and h.trig.mode == "killed" for h in local)
        if riot and not any(h.trig.role == "protest" for h in prot):
            return Found((main.i, main.j), "protest", "Riots", "Violent demonstration", "PROTEST", "riot", modality,
                         (a, b), actor)
        if killed and window & PROTESTERS:
            sub = "Excessive force against protesters"
        elif window & INTERVENTION or any(h.trig.role in ("arrest", "attack", "weapon") for h in local):
            sub = "Protest with intervention"
        else:
            sub = "Peaceful protest"
        return Found((main.i, main.j), "protest", "Protests", sub, "PROTEST", main.trig.mode or "demo", modality,
                     (a, b), actor)

    def strategic_event(self, h: Hit, local: list[Hit], a: int, b: int, cues: set[int]) -> Found | None:
        r = h.trig.role
        after = set(self.keys[h.j:min(b, h.j + 4)]) | set(self.bare[h.j:min(b, h.j + 4)])
        if r == "mobilize" and len(h.trig.words) == 1 and h.trig.words[0] not in (tkey("تعزيزات"),) and \
                not after & MILITARY_OBJECTS:
            return None
        if r == "disrupted" and not after & WEAPON_OBJECTS:
            return None
        if r == "escape" and not (after | set(self.bare[max(a, h.i - 2):h.i])) & PRISONERS:
            return None
        if r == "looting" and not self.violent_context(a, b, local, h):
            return None
        modality = self.modality(h, a)
        if modality == "generic":
            return None
        agent = self.np_before(h.i, a, cues) if h.trig.pos == "verb" else None
        target = self.np_after(h.j, b)
        if r == "arrest" and agent is None and target is not None and target.kind in ("armed", "state") and \
                h.trig.pos == "verb":
            agent, target = target, self.np_after(target.b, b)  # VSO: اعتقلت قوات الأمن X
        if r == "escape":
            agent, target = target, None  # the prisoners are the ones who escape
        if r in ("mobilize", "base"):
            target = None
        plover = None if h.trig.plover == "-" else h.trig.plover
        return Found((h.i, h.j), "strategic", "Strategic developments", h.trig.sub_event, plover, h.trig.mode or None,
                     modality, (a, b), agent, target, hits=[h])

    def merge(self, found: list[Found]) -> list[Found]:
        """Two clauses naming one event (عززت … حيث نشرت): same kind, same sub-event, no different target."""
        out: list[Found] = []
        for f in found:
            prev = out[-1] if out else None
            if prev is not None and prev.sub_event == f.sub_event and prev.modality == f.modality and \
                    prev.role == f.role and (f.actor2 is None or prev.actor2 is None or
                                             (prev.actor2.a, prev.actor2.b) == (f.actor2.a, f.actor2.b)) and \
                    (f.actor1 is None or prev.actor1 is None or prev.actor1.entity == f.actor1.entity):
                prev.actor1 = prev.actor1 or f.actor1
                prev.actor2 = prev.actor2 or f.actor2
                if prev.fatalities is None:
                    prev.fatalities, prev.fatalities_at = f.fatalities, f.fatalities_at
                prev.hits += f.hits
                prev.clause = (prev.clause[0], f.clause[1])
                continue
            # a result clause (ما أسفر عن مقتل 5) gives its dead to the attack before it
            opening = {self.bare[y] for y in range(f.clause[0], min(f.clause[1], f.clause[0] + 3))} | \
                {self.keys[y] for y in range(f.clause[0], min(f.clause[1], f.clause[0] + 3))}
            if prev is not None and f.role == "violent" and prev.role == "violent" and \
                    all(h.trig.role == "outcome" for h in f.hits) and f.actor1 is None and opening & RESULT:
                if prev.fatalities is None:
                    prev.fatalities, prev.fatalities_at = f.fatalities, f.fatalities_at
                prev.actor2 = prev.actor2 or f.actor2
                prev.hits += f.hits
                continue
            out.append(f)
        return out


def keys_not_mark(keys: list[str], y: int) -> bool:
    """Whether the word at y is not a target mark (على, ضد): what follows one is a target, not a subject."""
    return y < 0 or (keys[y] not in TARGET_MARKS)


__all__ = ["SentenceEvents", "Found", "Participant", "Hit", "find_hits"]
