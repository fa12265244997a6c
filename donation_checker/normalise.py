"""Text folding and canonical values shared by the importer and the rules.

Everything here is pure and cheap; bulk callers apply it to unique values only and map back.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Mapping

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Outside ASCII, letters and digits of every script are kept (КамАЗ, 东风, Arabic names): only
# punctuation, symbols and spaces separate words. Two names in other scripts never fold to the
# same empty key.
_NON_WORD = re.compile(r"[\W_]+")


def fold(text: object) -> str:
    """Lowercase, strip accents, turn punctuation and line breaks into single spaces.

    "  Quantité\\n(en service) " -> "quantite en service"
    """
    if text is None:
        return ""
    return _fold_text(str(text))


def _deplural(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss") else word


def category_key(text: object) -> str:
    """fold() plus naive singular, so "Camions citernes" and "camion citerne" meet."""
    return " ".join(_deplural(w) for w in fold(text).split())


@functools.lru_cache(maxsize=65536)
def _fold_text(text: str) -> str:
    # Most values (codes, English headers, make names) are ASCII: skip the Unicode work for them.
    if text.isascii():
        return _NON_ALNUM.sub(" ", text.lower()).strip()
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("ß", "ss")
    return _NON_WORD.sub(" ", s.casefold()).strip()


def compact(text: object) -> str:
    """fold() without spaces: "Land-Cruiser 79" and "landcruiser79" meet."""
    return fold(text).replace(" ", "")


_FUELS: Mapping[str, str] = {
    "diesel": "diesel",
    "gazole": "diesel",
    "gasoil": "diesel",
    "gas oil": "diesel",
    "go": "diesel",
    "ago": "diesel",
    "d": "diesel",
    "petrol": "petrol",
    "gasoline": "petrol",
    "essence": "petrol",
    "super": "petrol",
    "sans plomb": "petrol",
    "e": "petrol",
    "jet": "jet",
    "jet a1": "jet",
    "jet a 1": "jet",
    "kerosene": "jet",
    "f 34": "jet",
    "f34": "jet",
    "jp8": "jet",
    "jp 8": "jet",
    "electric": "electric",
    "electrique": "electric",
    "batterie": "electric",
    "battery": "electric",
    "lpg": "lpg",
    "gpl": "lpg",
    "hybrid": "hybrid",
    "hybride": "hybrid",
    "none": "none",
    "aucun": "none",
    "sans": "none",
    "secteur": "mains",
    "mains": "mains",
}


def canonical_fuel(value: object) -> str | None:
    """Map French/English fuel names to diesel/petrol/jet/electric/lpg/hybrid/none/mains."""
    key = fold(value)
    if not key:
        return None
    if key in _FUELS:
        return _FUELS[key]
    for word in key.split():
        if word in _FUELS and len(word) > 2:
            return _FUELS[word]
    return key


def canonical_drive_side(value: object) -> str | None:
    key = fold(value)
    if not key:
        return None
    if key in {"lhd", "g", "gauche", "left", "l", "conduite a gauche", "left hand drive", "cag"}:
        return "LHD"
    if key in {"rhd", "d", "droite", "right", "r", "conduite a droite", "right hand drive", "cad"}:
        return "RHD"
    if "gauche" in key or "left" in key:
        return "LHD"
    if "droit" in key or "right" in key:
        return "RHD"
    return key.upper()


def canonical_traffic_side(value: object) -> str | None:
    key = fold(value)
    if not key:
        return None
    if "droit" in key or "right" in key or key in {"d", "r"}:
        return "right"
    if "gauche" in key or "left" in key or key in {"g", "l"}:
        return "left"
    return key


def canonical_transmission(value: object) -> str | None:
    key = fold(value)
    if not key:
        return None
    if key.startswith(("man", "mec", "bvm")) or key in {"m", "mt"}:
        return "manual"
    if key.startswith(("auto", "bva")) or key in {"a", "at"}:
        return "automatic"
    return key


def canonical_condition(value: object) -> str | None:
    key = fold(value)
    if not key:
        return None
    if key.startswith(("neuf", "neuve", "new")):
        return "new"
    if key.startswith(("occas", "used", "second", "reconditi", "refurb", "usage")):
        return "used"
    return key


def canonical_complexity(value: object) -> str | None:
    key = fold(value)
    if not key:
        return None
    if key.startswith(("mec", "mech", "simple", "basic")):
        return "mechanical"
    if key.startswith(("elec", "gest", "managed")):
        return "electronic"
    if key.startswith(("num", "digit", "sophist", "avanc", "advanced")):
        return "digital"
    return key


def canonical_inspection(value: object) -> str | None:
    """Pre-shipment inspection status: clean, labelled (defects listed), defects, none."""
    key = fold(value)
    if not key:
        return None
    if key in {"non", "no", "none", "aucun", "aucune", "sans", "n"}:
        return "none"
    if any(w in key for w in ("etiquet", "label", "listed", "liste", "signal")):
        return "labelled"
    if any(w in key for w in ("defaut", "defect", "panne", "reserve")):
        return "defects"
    if key in {"oui", "yes", "o", "y", "ok", "conforme", "clean", "propre", "favorable"} or any(
        w in key for w in ("conforme", "clean", "ok", "favorable", "sans defaut")
    ):
        return "clean"
    return key


_LANGS: Mapping[str, str] = {
    "fr": "fr",
    "francais": "fr",
    "french": "fr",
    "fra": "fr",
    "en": "en",
    "anglais": "en",
    "english": "en",
    "eng": "en",
    "de": "de",
    "allemand": "de",
    "german": "de",
    "deutsch": "de",
    "ar": "ar",
    "arabe": "ar",
    "arabic": "ar",
    "pt": "pt",
    "portugais": "pt",
    "portuguese": "pt",
    "es": "es",
    "espagnol": "es",
    "spanish": "es",
    "ru": "ru",
    "russe": "ru",
    "russian": "ru",
    "zh": "zh",
    "chinois": "zh",
    "chinese": "zh",
    "it": "it",
    "italien": "it",
    "italian": "it",
}


def canonical_language(value: object) -> str | None:
    key = fold(value)
    if not key:
        return None
    return _LANGS.get(key, key)


_TRUE = {"oui", "yes", "y", "o", "x", "vrai", "true", "1", "inclus", "included", "fourni", "ok"}
_FALSE = {"non", "no", "n", "faux", "false", "0", "aucun", "none", "sans", "absent"}


def parse_bool(value: object) -> bool | None:
    """Yes/no in French or English; None when the cell does not say."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and not (isinstance(value, float) and math.isnan(value)):
        return bool(value)
    key = fold(value)
    if not key:
        return None
    if key in _TRUE or key.startswith(("oui", "yes")):
        return True
    if key in _FALSE or key.startswith(("non", "no ")):
        return False
    return None


_LIST_SPLIT = re.compile(r"\s*(?:[,;/|+\n]|\bet\b|\band\b)\s*")


def split_list(value: object) -> tuple[str, ...]:
    """Split "Toyota, Nissan / Mercedes et Renault" into its items, stripped."""
    if value is None:
        return ()
    return tuple(p.strip() for p in _LIST_SPLIT.split(str(value)) if p and p.strip())


class ModelNames:
    """Normalises make and model names so spelling variants of one model meet.

    The alias table (rules/aliases.toml, extensible by users) maps variants to a canonical name.
    Keys are compared after compact(): case, accents, hyphens and spaces do not matter.
    """

    def __init__(
        self,
        make_aliases: Mapping[str, str] | None = None,
        model_aliases: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        # An alias whose key folds to nothing (punctuation only) could match any such name.
        self._makes = {compact(k): v for k, v in (make_aliases or {}).items() if compact(k)}
        self._models: dict[str, dict[str, str]] = {}
        for make, table in (model_aliases or {}).items():
            self._models[compact(self.make(make))] = {
                compact(k): v for k, v in table.items() if compact(k)
            }

    def make(self, value: object) -> str:
        key = compact(value)
        if key and key in self._makes:
            return self._makes[key]
        text = " ".join(str(value).split()) if value is not None else ""
        # All-lowercase text is given capitals; all-uppercase text is kept: many makes are
        # acronyms (MAN, DAF, BRDM) that title case would spell "Man", "Daf", "Brdm".
        return text.title() if text.islower() else text

    def model(self, make: object, value: object) -> str:
        table = self._models.get(compact(self.make(make)), {})
        key = compact(value)
        if key and key in table:
            return table[key]
        return " ".join(str(value).split()) if value is not None else ""

    def key(self, make: object, model: object) -> str:
        """Matching key for a make/model pair: equal keys mean the same model."""
        return self.make_key(make) + "|" + _name_key(self.model(make, model))

    def make_key(self, make: object) -> str:
        return _name_key(self.make(make))

    def make_of_model(self, model: object) -> str | None:
        """The make whose alias table names the model, when exactly one does."""
        key = compact(model)
        if not key:
            return None
        found = {
            make
            for make, table in self._models.items()
            if key in table or key in {compact(v) for v in table.values()}
        }
        if len(found) != 1:
            return None
        (make_key,) = found
        return next((v for k, v in self._makes.items() if compact(v) == make_key), make_key)


def _name_key(name: str) -> str:
    """compact(name), or for a name of symbols only (no letter or digit in any script) the
    name itself, so two such names never meet."""
    return compact(name) or " ".join(name.split())


# Written where a make or a model is not known: a missing value, reported, never a name.
_PLACEHOLDERS = frozenset(
    {"n/a", "n.a.", "n.a", "n/d", "n.d.", "s/o", "s.o.", "inconnu", "unknown"}
)


def is_placeholder_name(text: str) -> bool:
    """ "-", "?", "n/a", "***"...: nothing in it names anything. ("NA" or "None" are kept: makes
    and models exist with such names.)"""
    t = " ".join(text.split()).casefold()
    return bool(t) and (t in _PLACEHOLDERS or not compact(t))
