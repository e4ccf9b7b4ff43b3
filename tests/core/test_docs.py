"""The documentation keeps up with the code.

* Every hook is documented in docs/plugins/hooks.md (signature, kind, example)
  and named in some test; nothing undocumented, nothing documented that is gone.
* Every page is reachable from the table of contents.
* The published JSON Schema describes real output: the annotated example,
  pipeline output on our own texts and on the dev corpus, generated
  extractions, and the CLI's JSONL lines all validate against it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilatx
from bilatx import hookspecs
from bilatx import strategies as bst
from bilatx.cli import main

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
HOOKS_PAGE = DOCS / "plugins" / "hooks.md"
SCHEMA_PATH = DOCS / "schema" / "extraction.schema.json"
EXAMPLE_PATH = DOCS / "schema" / "example.json"

HOOKS = sorted(hookspecs.__all__)


def hook_sections() -> dict[str, str]:
    """Map each ``## `name` `` heading of the hook reference to its section text."""
    text = HOOKS_PAGE.read_text("utf-8")
    parts = re.split(r"^## ", text, flags=re.MULTILINE)
    sections = {}
    for part in parts[1:]:
        heading, _, body = part.partition("\n")
        if m := re.fullmatch(r"`(bilatx_\w+)`", heading.strip()):
            sections[m[1]] = body
    return sections


# ----------------------------------------------------------------- the hooks


def test_hookspecs_lists_every_hook_it_defines() -> None:
    defined = sorted(n for n in dir(hookspecs) if n.startswith("bilatx_"))
    assert defined == HOOKS


def test_every_hook_has_a_section_in_the_hook_reference() -> None:
    sections = hook_sections()
    missing = [h for h in HOOKS if h not in sections]
    assert not missing, f"add a '## `name`' section to {HOOKS_PAGE} for: {missing}"
    gone = [h for h in sections if h not in HOOKS]
    assert not gone, f"{HOOKS_PAGE} documents hooks that no longer exist: {gone}"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_section_shows_signature_kind_and_a_runnable_example(hook: str) -> None:
    body = hook_sections().get(hook)
    if body is None:
        pytest.fail(f"{hook} has no section in {HOOKS_PAGE}")
    assert f"{{autofunction}} bilatx.hookspecs.{hook}" in body, "show the signature"
    pm = bilatx.make_plugin_manager(builtins=False, entrypoints=False)
    firstresult = getattr(pm.hook, hook).spec.opts["firstresult"]
    kind = "**Kind:** first result" if firstresult else "**Kind:** collecting"
    assert kind in body, f"say '{kind}'"
    example = "\n".join(line for line in body.splitlines() if line.startswith((">>>", "...")))
    assert re.search(rf"def {hook}\(", example), "give a doctest that implements the hook"
    assert "pipeline_with(" in example or "Pipeline(" in example, "and runs it"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_docstring_says_how_results_combine(hook: str) -> None:
    pm = bilatx.make_plugin_manager(builtins=False, entrypoints=False)
    firstresult = getattr(pm.hook, hook).spec.opts["firstresult"]
    doc = getattr(hookspecs, hook).__doc__ or ""
    assert ("Stops at the first" in doc) == firstresult
    assert ("Collecting" in doc) == (not firstresult)
    assert "Ordering" in doc


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_named_in_a_test(hook: str) -> None:
    tests = [p for p in (REPO / "tests").rglob("test_*.py") if p.name != Path(__file__).name]
    naming = [p for p in tests if hook in p.read_text("utf-8")]
    assert naming, f"no test under tests/ exercises {hook}"


# ----------------------------------------------------------------- the pages


def test_every_page_is_in_the_table_of_contents() -> None:
    index = (DOCS / "index.md").read_text("utf-8")
    for page in DOCS.rglob("*.md"):
        relative = page.relative_to(DOCS)
        if relative.parts[0] in {"examples", "_build"} or relative.name == "index.md":
            continue
        if len(relative.parts) == 1:
            continue  # top-level pages are picked up by the glob toctree
        assert relative.with_suffix("").as_posix() in index, f"list {relative} in docs/index.md"


def test_writing_guide_includes_the_real_example_files() -> None:
    guide = (DOCS / "plugins" / "writing.md").read_text("utf-8")
    for target in re.findall(r"```\{literalinclude\} (\S+)", guide):
        assert (DOCS / "plugins" / target).resolve().is_file(), target


# ---------------------------------------------------------------- the schema


def schema_validator() -> Any:
    """Return a validator for the published schema (jsonschema is in the dev extra)."""
    try:
        import jsonschema
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("jsonschema is not installed: pip install -e '.[dev]'")
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def validator() -> Any:
    return schema_validator()


def assert_valid(validator: Any, data: object) -> None:
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        details = "\n".join(
            f"  at {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message[:300]}"
            for e in errors[:10]
        )
        pytest.fail(f"output does not match {SCHEMA_PATH.name}:\n{details}")


def test_the_annotated_example_is_valid_and_its_spans_are_right(validator: Any) -> None:
    example = json.loads(EXAMPLE_PATH.read_text("utf-8"))
    assert_valid(validator, example)
    rebuilt = bilatx.Extraction.from_dict(example)  # checks every span lies in the text
    assert rebuilt.to_dict() == example
    for mention in rebuilt.mentions:
        assert rebuilt.document.slice(mention.span) == mention.text


def test_the_schema_rejects_what_is_not_output(validator: Any) -> None:
    example = json.loads(EXAMPLE_PATH.read_text("utf-8"))
    broken = [
        {**example, "unknown_key": 1},
        {k: v for k, v in example.items() if k != "dates"},
        {**example, "dates": [{**example["dates"][0], "value": "26/12/2023"}]},
        {**example, "money": [{**example["money"][0], "currency": "usd"}]},
        {**example, "dates": [{**example["dates"][0], "span": [1, 2, 3]}]},
        {"id": "x"},
    ]
    for data in broken:
        assert not validator.is_valid(data), data


OWN_TEXTS = [
    "Kenyan Foreign Minister Amara Okafor arrived in Tokyo on Monday for a four-day visit.",
    "She met Japanese Trade Minister Hana Takeda on 4 March 2024 to discuss energy and trade.",
    "\u201cWe will double our exports by 2030,\u201d Okafor told a press conference.",
    "Bilateral trade stood at $3.2 billion last year, up from $2.1 billion in 2021.",
    "Rs 5,000 crore was set aside; EAM Iyer said India's ties with Egypt were strong.",
    "",
    "\u200b\u202e\U0001f600 May may 2023-13-45 $$ Dr. Dr. \u201c",
]


@pytest.mark.parametrize("text", OWN_TEXTS)
def test_pipeline_output_matches_the_schema(
    validator: Any,
    pipeline: bilatx.Pipeline,
    text: str,
) -> None:
    result = pipeline.extract(text, published="2024-03-05", doc_id="own")
    assert_valid(validator, json.loads(result.to_json()))
    assert_valid(validator, json.loads(result.to_json(include_text=False)))


def test_pipeline_output_on_the_dev_corpus_matches_the_schema(
    validator: Any,
    pipeline: bilatx.Pipeline,
    shared_dir: Path,
) -> None:
    lines = (shared_dir / "corpus" / "dev" / "input.jsonl").read_text("utf-8").splitlines()
    for line in lines[:8]:
        item = json.loads(line)
        result = pipeline.extract(item["text"], published=item["published"], doc_id=item["id"])
        assert_valid(validator, json.loads(result.to_json()))


TEXT_SIZE = 12_000  # longer than any span bst.spans() draws without a text


@st.composite
def extractions(draw: st.DrawFn) -> bilatx.Extraction:
    sample = draw(bst.annotated_texts())
    text = sample.text + " " * (TEXT_SIZE - len(sample.text))
    records = draw(
        st.lists(
            st.one_of(bst.visits(), bst.meetings(), bst.statements(), bst.trade_figures()),
            max_size=4,
        )
    )
    return bilatx.Extraction(
        document=bilatx.Document(text=text, id=draw(st.none() | st.just("g1")), published=None),
        mentions=bilatx.Mentions(
            dates=sample.dates, money=sample.money, officials=sample.officials
        ),
        visits=[r for r in records if isinstance(r, bilatx.Visit)],
        meetings=[r for r in records if isinstance(r, bilatx.Meeting)],
        statements=[r for r in records if isinstance(r, bilatx.Statement)],
        trade_figures=[r for r in records if isinstance(r, bilatx.TradeFigure)],
    )


def test_generated_extractions_match_the_schema() -> None:
    validator = schema_validator()

    @given(extractions())
    def check(extraction: bilatx.Extraction) -> None:
        data = json.loads(extraction.to_json())
        errors = list(validator.iter_errors(data))
        assert not errors, [e.message[:200] for e in errors[:5]]
        assert bilatx.Extraction.from_dict(data).to_dict() == data

    check()


def test_cli_jsonl_lines_match_the_schema(
    validator: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BILATX_DISABLE_PLUGIN_AUTOLOAD", "1")
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "ok", "text": OWN_TEXTS[0], "published": "2024-03-05"})
        + "\n"
        + json.dumps({"id": "no-text", "published": "2024-03-05"})
        + "\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.jsonl"
    assert main(["extract", "--jsonl", str(source), "-o", str(target)]) == 1
    capsys.readouterr()
    lines = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["ok", "no-text"]
    assert "error" in lines[1]
    for line in lines:
        assert_valid(validator, line)
