"""Word lists the attribution finder reads: reporting verbs, titles, descriptors.

Everything is lower case; lookups fold case first.
"""

from __future__ import annotations

from typing import Final


def _forms(*groups: str) -> frozenset[str]:
    return frozenset(word for group in groups for word in group.split())


# Verbs that introduce or report speech ("said", "told", "stressed"), in every
# form news copy uses. "-ing" forms head participle clauses ("adding:",
# "saying") whose speaker is the subject of the main clause.
SPEECH_VERBS: Final = _forms(
    "say says said saying",
    "tell tells told telling",
    "add adds added adding",
    "note notes noted noting",
    "stated stating",
    "stress stresses stressed stressing",
    "emphasise emphasises emphasised emphasising",
    "emphasize emphasizes emphasized emphasizing",
    "underline underlines underlined underlining",
    "underscore underscores underscored underscoring",
    "remark remarks remarked remarking",
    "assert asserts asserted asserting",
    "declare declares declared declaring",
    "announce announces announced announcing",
    "explain explains explained explaining",
    "observe observes observed observing",
    "wrote writes writing",
    "tweet tweets tweeted tweeting",
    "posted posting",
    "comment commented commenting",
    "reply replies replied replying",
    "respond responds responded responding",
    "answered answering",
    "insist insists insisted insisting",
    "argue argues argued arguing",
    "warn warns warned warning",
    "urge urges urged urging",
    "called calling",
    "describe describes described describing",
    "express expresses expressed expressing",
    "acknowledge acknowledges acknowledged acknowledging",
    "admit admits admitted admitting",
    "agreed",
    "claim claimed claiming",
    "maintain maintains maintained maintaining",
    "pointed",
    "reiterate reiterates reiterated reiterating",
    "highlight highlights highlighted highlighting",
    "recall recalls recalled recalling",
    "concede concedes conceded conceding",
    "concluded",
    "affirm affirms affirmed affirming",
    "reaffirm reaffirms reaffirmed reaffirming",
    "assure assures assured assuring",
    "lauded lauding",
    "praise praises praised praising",
    "hail hails hailed hailing",
    "quip quips quipped quipping",
    "suggest suggests suggested suggesting",
    "predict predicts predicted predicting",
    "vow vows vowed vowing",
    "pledge pledges pledged pledging",
    "promise promises promised promising",
    "encourage encourages encouraged encouraging",
    "asked",
    "appeal appealed appealing",
    "deny denies denied denying",
    "confirm confirms confirmed confirming",
    "caution cautions cautioned cautioning",
    "complain complains complained complaining",
    "contend contends contended contending",
    "remind reminds reminded reminding",
    "recount recounts recounted recounting",
    "reflect reflects reflected reflecting",
    "defend defends defended defending",
)

# Verbs that report what somebody said, as opposed to what was agreed,
# praised or described: in "X told reporters that both sides had agreed to
# 'double trade'", the words are X's.
REPORTING_VERBS: Final = _forms(
    "say says said tell tells told add adds added note notes noted stated stress stresses",
    "stressed emphasised emphasized emphasises emphasizes underlined underscored remarked",
    "asserted declared announced explained wrote writes tweeted posted commented replied",
    "responded insisted argued warned",
)

# Verbs after which the quotation carries on an exchange: the occasion of the
# previous remark (a ceremony, an interview) is still the occasion.
# Forms that are also common nouns ("a comment", "the claim"): they count as
# verbs only right after their subject.
NOUN_LIKE_VERBS: Final = _forms(
    "comment claim reply answer promise pledge appeal caution remark note notes states",
    "tweet tweets vow vows praise recall hail quip quips warning urge admit states",
    "claims comments remarks replies promises pledges appeals warnings recalls",
)

REPLY_VERBS: Final = _forms("reply replies replied replying respond responds responded responding")

# Words between a speaker and the verb: "Xi today said", "Peterson said last night".
MODIFIERS: Final = _forms(
    "also today yesterday tonight then later earlier further again once previously",
    "recently reportedly separately too had has have was were is are would will could",
    "did does never not just already subsequently meanwhile however moreover first",
    "finally simply only publicly privately repeatedly openly candidly bluntly firmly",
    "strongly clearly herself himself themselves itself",
)
TIME_NOUNS: Final = _forms(
    "night week month year morning evening afternoon weekend",
    "monday tuesday wednesday thursday friday saturday sunday",
)

MONTHS: Final = _forms(
    "january february march april may june july august september october november december",
    "jan feb mar apr jun jul aug sep sept oct nov dec",
)
WEEKDAYS: Final = _forms("monday tuesday wednesday thursday friday saturday sunday")

PRONOUNS: Final = _forms("he she")
PLURAL_PRONOUNS: Final = _forms("they we")

# Nouns that head an unnamed speaker: "one U.S. official", "diplomatic sources".
DESCRIPTOR_HEADS: Final = _forms(
    "official officials source sources spokesman spokesmen spokeswoman spokeswomen",
    "spokesperson spokespersons spokespeople diplomat diplomats expert experts",
    "economist economists analyst analysts envoy envoys banker bankers trader traders",
    "executive executives aide aides observer observers negotiator negotiators",
    "delegate delegates lawmaker lawmakers legislator legislators insider insiders",
    "ministry government statement report person people participant participants",
    "representative representatives member members officer officers commander",
    "commanders critic critics resident residents witness witnesses leader leaders",
    "others embassy agency department office committee commission",
)
DETERMINERS: Final = _forms(
    "a an the one another two three four several some many other both its his her",
    "their our this that these those each",
)

# Words of a title of office: they may stand before a name ("mines minister
# Pralhad Joshi") and, capitalised, inside it ("Minister of State for ...").
TITLE_WORDS: Final = _forms(
    "minister ministers president vice prime premier chancellor secretary",
    "ambassador envoy spokesman spokeswoman spokesperson governor director general",
    "chairman chairwoman chairperson chair chief head commissioner representative",
    "adviser advisor deputy foreign external affairs trade commerce industry defence",
    "defense finance home interior state senior first junior mines mining energy",
    "agriculture health education culture justice economy economic treasury",
    "special national security king queen crown prince princess sheikh emir",
    "mayor senator congressman congresswoman lawmaker leader speaker counsellor",
    "counselor consul attache undersecretary under assistant permanent executive",
    "administrator commander marshal admiral colonel captain lieutenant major",
    "sultan monarch dr mr mrs ms prof sir lord lady madam h.e. excellency",
    "eam pm dpm cm fm mos",
    "corporate environment transport railways petroleum power telecommunications",
    "information technology electronics science tourism labour labor",
)
# Titles that can head a phrase on their own: "the minister", "a British envoy".
TITLE_HEADS: Final = _forms(
    "minister president premier chancellor secretary ambassador envoy spokesman",
    "spokeswoman spokesperson governor director chairman chairwoman chief head",
    "commissioner adviser advisor deputy mayor senator leader king queen prince emir",
    "sultan undersecretary administrator commander",
)
# Capitalised words that are not names even in the middle of a sentence.
NOT_NAMES: Final = _forms(
    "the a an in on at but and however meanwhile he she they it this that these those",
    "we i our his her their its as for with from to by of after before during while",
    "when if although though since asked speaking notably earlier later last next",
    "both some other another one two three there here what which who whom whose where",
    "why how yes no not nor or so then thus also",
    "january february march april may june july august september october november december",
    "monday tuesday wednesday thursday friday saturday sunday today yesterday",
    "according reuters",
)
# Tokens that join the words of a title ("Minister of State for Electronics and IT").
TITLE_JOINERS: Final = _forms("of for and the on")
# Lower-case particles inside names ("Ursula von der Leyen").
NAME_PARTICLES: Final = _forms("de da van von der den bin bint al el la le di du del dos ibn ter")
# Honorifics written with a full stop; the stop belongs to the token.
DOTTED_ABBREVIATIONS: Final = _forms(
    "dr mr mrs ms prof gen lt col maj capt sen rep gov amb st jr sr hon rev adm cmdr sgt",
    "mt no",
)
