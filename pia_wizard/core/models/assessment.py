"""The assessment file (`*.pia.json`): what a councillor, journalist or NGO has found out.

Metadata is free text only (who assesses, for whom); every fact the engine reads is a question's
answer. An answer is a value or *unknown* ("not disclosed / don't know"), which is different from no
answer at all (absent). Evidence is an http(s) address or a file embedded in the assessment with its
SHA-256, never a path on someone's disk.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StrictBool, ValidationError, model_validator

from pia_wizard.core.models.base import FreeText, Frozen, Id, described_pattern
from pia_wizard.core.models.frozen import FrozenMap
from pia_wizard.core.models.sources import HttpAddress

ASSESSMENT_SCHEMA_VERSION = 1

# The domain brief's evidence scale (§8.2): 0 none, 1 the deployer's or vendor's word, 2 internal
# document, 3 published document, 4 independent verification (audit, court decision, accredited test).
# Strict: "3" or 3.0 or true is not a level someone chose (a file typed by hand must say 3).
EvidenceLevel = Annotated[int, Field(ge=0, le=4, strict=True)]
Sha256 = Annotated[
    str, described_pattern(r"^[0-9a-f]{64}$", "a SHA-256 checksum: 64 digits 0-9 and letters a-f")
]
# Signature bytes and certificates in the file: standard base64 on one line.
Base64Text = Annotated[
    str,
    described_pattern(r"^[A-Za-z0-9+/]+={0,2}$", "base64 text: letters, digits, + and /, ending in = or =="),
]
# An embedded file's name: no folders, nothing that could leave the folder it is extracted to.
SafeFileName = Annotated[
    str,
    described_pattern(
        r"^[^./\\:\x00-\x1f][^/\\:\x00-\x1f]{0,199}$",
        "a plain file name such as report.pdf: no folder, no / \\ or :, not starting with a dot, "
        "at most 200 characters",
    ),
]
AttachmentId = Annotated[
    str,
    described_pattern(
        r"^[a-z0-9][a-z0-9_-]{0,63}$",
        "an attachment name of lower-case letters, digits, '_' or '-' (at most 64)",
    ),
]
MediaType = Annotated[
    str, described_pattern(r"^[\w.+-]+/[\w.+-]+$", "a media type such as application/pdf or image/png")
]
VersionNumber = Annotated[str, described_pattern(r"^\d+(\.\d+){0,2}$", "a version number such as 1.0")]


def _iso_date(value: object) -> object:
    """Only YYYY-MM-DD: "12/03/2024" is ambiguous, and a timestamp or a time of day means nothing here."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError(
            f"{json.dumps(value, ensure_ascii=False)} is not a date in the form YYYY-MM-DD "
            "(for example 2026-03-31)"
        )
    if not isinstance(value, str | dt.date) or isinstance(value, dt.datetime):
        shown = json.dumps(value, ensure_ascii=False, default=str)
        raise ValueError(f"expected a date in the form YYYY-MM-DD (for example 2026-03-31), not {shown}")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


class Note(Frozen):
    text: FreeText
    private: StrictBool = Field(default=False, description="Private notes are never exported.")


class Evidence(Frozen):
    """A document behind an answer: where it is published, a copy embedded in the file, or both.

    Both is common (a council paper downloaded and attached, with the address it came from): the
    copy proves what it said, the address lets a reader find it; a report prints both.
    """

    title: FreeText = Field(min_length=1)
    address: HttpAddress | None = None
    attachment: AttachmentId | None = Field(
        default=None, description="An id in the assessment's attachments."
    )
    accessed: IsoDate | None = None
    quote: FreeText = ""
    confidence: EvidenceLevel
    choices: tuple[Id, ...] = Field(
        default=(),
        description="For a multiple-choice answer: the chosen options this document shows (a court "
        "established one watchlist category, a newspaper reported another). Empty: the whole answer.",
    )


class Attachment(Frozen):
    """A file embedded in the assessment (a PDF of a council paper, a photo of a sign)."""

    file_name: SafeFileName
    media_type: MediaType
    sha256: Sha256
    data: str = Field(description="The file's bytes, base64-encoded.")

    @model_validator(mode="after")
    def _hash_matches(self) -> Attachment:
        try:
            raw = base64.b64decode(self.data, validate=True)
        except binascii.Error as exc:
            raise ValueError(f"data is not valid base64 ({exc})") from exc
        digest = hashlib.sha256(raw).hexdigest()
        if digest != self.sha256:
            raise ValueError(f"sha256 does not match the data (the data hashes to {digest})")
        return self


# A value's shape depends on the question's type, which the questionnaire knows: the model accepts
# the shapes JSON can carry, and `answer_check.py` checks each against its question.
ScalarValue = Annotated[bool, Field(strict=True)] | int | float | FreeText
ItemAnswers = FrozenMap[Id, "Answer"]


def _bound(value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number (without quotes), not {json.dumps(value, default=str)}")
    return value


Bound = Annotated[int | float, BeforeValidator(_bound)]


class NumberRange(Frozen):
    """A number a document gives only roughly: "thousands a day" is {"low": 1000, "high": 9999}.

    Kept as the bounds the person confirmed, never widened by the tool ("about 50" stays what the
    person says it means). A missing bound is closed by the question's own minimum or maximum, else
    it is open. Rules read a range as "some number in it, not known which" (docs/engine.md).
    """

    low: Bound | None = None
    high: Bound | None = None
    as_stated: FreeText = Field(default="", description='The words of the source ("thousands a day").')

    @model_validator(mode="after")
    def _bounds(self) -> NumberRange:
        if self.low is None and self.high is None:
            raise ValueError('a range needs at least one bound ("low" or "high")')
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"the range's low bound {self.low:g} is above its high bound {self.high:g}")
        return self


class NoLimit(Frozen):
    """ "No time limit" for a duration question that allows it: longer than any threshold."""

    no_limit: Literal[True]


class Possibilities(Frozen):
    """One of these choices, not known which ("1:1 or 1:N, nothing else")."""

    one_of: tuple[Id, ...] = Field(min_length=2)


PartialValue = NumberRange | NoLimit | Possibilities


def parse_partial(value: object) -> object:
    """An object where a value goes is one of the partial answers: say plainly which, and what is wrong.

    Without this, pydantic lists why the object is not a boolean, a number, a text, … (nine lines)."""
    if not isinstance(value, dict):
        return value
    keys = set(value)
    model: type[Frozen] | None = (
        Possibilities
        if "one_of" in keys
        else NoLimit
        if "no_limit" in keys
        else NumberRange
        if keys & {"low", "high", "as_stated"}
        else None
    )
    if model is None:
        raise ValueError(
            'a value written as an object is a range {"low": …, "high": …}, one of a few choices '
            '{"one_of": […]}, or {"no_limit": true}'
        )
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        raise ValueError("; ".join(_partial_error(e) for e in exc.errors(include_url=False))) from None


def _partial_error(error: Any) -> str:
    where = ".".join(str(p) for p in error["loc"])
    if error["type"] == "extra_forbidden":
        return f"unknown key '{where}'"
    if error["type"] == "too_short":
        return '"one_of" lists at least two choices (one choice is a plain answer)'
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


class Answer(Frozen):
    value: Annotated[
        ScalarValue | tuple[Id, ...] | tuple[ItemAnswers, ...] | PartialValue | None,
        BeforeValidator(parse_partial),
    ] = None
    unknown: StrictBool = Field(default=False, description='"Unknown / not disclosed": an honest answer.')
    note: Note | None = None
    evidence: tuple[Evidence, ...] = ()
    status: Literal["draft", "final"] = "draft"

    @model_validator(mode="after")
    def _value_or_unknown(self) -> Answer:
        if self.unknown and self.value is not None:
            raise ValueError("an answer is either a value or unknown, not both")
        return self

    @property
    def answered(self) -> bool:
        """Given a value or "unknown"; a bare note or evidence is not an answer yet."""
        return self.unknown or self.value is not None

    def choice_evidence(self) -> dict[str, int]:
        """Each chosen option's evidence level, when some evidence names the options it shows: the
        strongest document for the whole answer or naming that option. Empty when no evidence names
        an option (then the answer has one level), or when the value is not a list of choices."""
        if not any(e.choices for e in self.evidence) or not isinstance(self.value, tuple):
            return {}
        whole = max((e.confidence for e in self.evidence if not e.choices), default=0)
        chosen = [v for v in self.value if isinstance(v, str)]
        return {
            option: max([whole, *(e.confidence for e in self.evidence if option in e.choices)])
            for option in chosen
        }

    @property
    def evidence_level(self) -> int:
        """How strongly the answer is shown (0-4): its strongest document; where documents name the
        options they show, the weakest chosen option's level, since a rule reads the whole selection."""
        per_choice = self.choice_evidence()
        if per_choice:
            return min(per_choice.values())
        return max((e.confidence for e in self.evidence), default=0)


Answer.model_rebuild()


class QuestionnaireRef(Frozen):
    id: Id
    version: VersionNumber


class Metadata(Frozen):
    """Free text about the assessment itself; the engine never reads it."""

    title: FreeText = ""
    deployment: FreeText = ""
    operator_name: FreeText = ""
    place: FreeText = ""
    assessor: FreeText = ""
    organisation: FreeText = ""
    audience: FreeText = ""
    assessment_date: IsoDate | None = None


class Scenario(Frozen):
    """This assessment is a scenario: a copy of another one, named by the person who made it ("with
    judicial authorisation"), changed to see what a change would do. The link names the origin as
    it was when copied (its title, its file name, the SHA-256 of its canonical bytes), so the two
    can be compared later even if the origin has moved on; it is never a path on someone's disk."""

    name: FreeText = Field(min_length=1, description="What the scenario tries, in the user's words.")
    origin_title: FreeText = ""
    origin_file: SafeFileName | None = Field(default=None, description="The origin's file name, no folder.")
    origin_sha256: Sha256 | None = Field(
        default=None, description="SHA-256 of the origin's canonical file bytes when the copy was made."
    )


ReviewStatus = Literal["draft", "in_review", "changes_requested", "approved", "rejected"]


class ReviewStep(Frozen):
    """One step of the review: who set which status, when, why, and over what.

    `digest` is the SHA-256 of the answers, notes and evidence as they were at that step
    (`core/answers/review.py`), so a later change to them shows: the step is no longer current. The
    name is typed, not checked: anyone who can edit the file can write any name here."""

    status: ReviewStatus
    by: FreeText = Field(min_length=1, description="The reviewer's name, as typed (not an identity check).")
    date: IsoDate
    comment: FreeText = ""
    digest: Sha256 = Field(description="SHA-256 of the answers, notes and evidence reviewed.")
    signature: Base64Text | None = Field(
        default=None,
        max_length=4096,
        description=(
            "Optional: a signature (base64) over the step's status, by, date, comment and digest, made "
            "with `review --sign KEY.p12`; shows whether the step was changed after it was signed."
        ),
    )
    certificate: Base64Text | None = Field(
        default=None,
        max_length=16384,
        description="The signer's X.509 certificate (DER, base64) when the step is signed.",
    )

    @model_validator(mode="after")
    def _signature_with_certificate(self) -> ReviewStep:
        if (self.signature is None) != (self.certificate is None):
            raise ValueError("a signed review step needs both its signature and the signer's certificate")
        return self


class ReviewComment(Frozen):
    """A reviewer's note on one answer; open comments block approval until resolved."""

    question: Id
    text: FreeText = Field(min_length=1)
    by: FreeText = ""
    date: IsoDate | None = None
    resolved: StrictBool = False


class Review(Frozen):
    """The review and sign-off record: its steps in order (the last one's status is the status) and
    the reviewers' comments on answers. It is not part of what a step's digest covers."""

    steps: tuple[ReviewStep, ...] = ()
    comments: tuple[ReviewComment, ...] = ()


class Use(Frozen):
    """Another use of the same system ("searches of CCTV footage" beside "tablet checks at stops"):
    its name, in the user's words, and its own answers to the questions asked per use (the
    questionnaire's `per_use` questions) — each with unknown, note and evidence like any answer.
    The assessment's own `answers` describe the first use; everything not asked per use is shared."""

    name: FreeText = Field(min_length=1, description="What this use is, in the user's words.")
    answers: FrozenMap[Id, Answer] = Field(default_factory=dict)


class Assessment(Frozen):
    schema_version: Literal[1]
    questionnaire: QuestionnaireRef
    metadata: Metadata = Metadata()
    scenario: Scenario | None = Field(
        default=None, description="Set when this assessment is a scenario made from another one."
    )
    answers: FrozenMap[Id, Answer] = Field(default_factory=dict)
    attachments: FrozenMap[AttachmentId, Attachment] = Field(default_factory=dict)
    review: Review | None = Field(
        default=None, description="Review and sign-off: statuses with who, when, comment and digest."
    )
    first_use_name: FreeText = Field(
        default="", description="The name of the use `answers` describe, when there are several uses."
    )
    uses: tuple[Use, ...] = Field(
        default=(),
        description="Further uses of the system, each with its own answers to the questions asked per use. "
        "None: the assessment describes one use.",
    )
