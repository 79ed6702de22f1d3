"""Django's HTML forms read as a browser reads them: the fields a submission would send,
in page order, and the errors Django shows beside them (``errorlist``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)


@dataclass
class FormField:
    name: str
    kind: str  # text, hidden, password, checkbox, radio, textarea, select, select-multiple…
    values: list[str] = field(default_factory=list)  # what a browser would submit now


@dataclass
class HtmlForm:
    """A form as a browser sees it: fields in page order, plus the errors shown in it."""

    id: str
    action: str
    fields: dict[str, FormField] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)

    def submission(self) -> dict[str, list[str]]:
        return {name: list(item.values) for name, item in self.fields.items()}


class _FormParser(HTMLParser):
    """Reads every ``<form>``: inputs, textareas, selects, and Django's ``errorlist``s."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[HtmlForm] = []
        self.texts: list[str] = []
        self._form: HtmlForm | None = None
        self._stack: list[tuple[str, str]] = []  # (tag, class)
        self._textarea: FormField | None = None
        self._select: FormField | None = None
        self._select_first: str | None = None
        self._option: dict[str, str] | None = None
        self._option_text: list[str] = []
        self._error_field: str | None = None
        self._error_text: list[str] | None = None

    def _field_of_context(self) -> str:
        for _, classes in reversed(self._stack):
            for name in classes.split():
                if name.startswith("field-"):
                    return name[len("field-"):]
        return "__all__"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        classes = attributes.get("class", "")
        if tag not in _VOID_TAGS:
            self._stack.append((tag, classes))
        if tag == "form":
            self._form = HtmlForm(attributes.get("id", ""), attributes.get("action", ""))
            self.forms.append(self._form)
            return
        if tag == "ul" and "errorlist" in classes.split():
            self._error_field = "__all__" if "nonfield" in classes else self._field_of_context()
            if attributes.get("id", "").endswith("_error"):  # Django ≥ 5: id_<name>_error
                self._error_field = attributes["id"][3:-len("_error")]
        elif tag == "li" and self._error_field is not None:
            self._error_text = []
        if self._form is None:
            return
        name = attributes.get("name", "")
        if tag == "input" and name:
            kind = attributes.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            item = self._form.fields.setdefault(name, FormField(name, kind))
            if kind in ("checkbox", "radio"):
                if "checked" in attributes:
                    item.values.append(attributes.get("value") or "on")
            else:
                item.values = [attributes.get("value", "")]
        elif tag == "textarea" and name:
            self._textarea = self._form.fields.setdefault(name, FormField(name, "textarea"))
            self._textarea.values = [""]
        elif tag == "select" and name:
            kind = "select-multiple" if "multiple" in attributes else "select"
            self._select = FormField(name, kind)
            self._select_first = None
            self._form.fields[name] = self._select
        elif tag == "option" and self._select is not None:
            self._option = attributes
            self._option_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea.values[0] += data
        if self._option is not None:
            self._option_text.append(data)
        if self._error_text is not None:
            self._error_text.append(data)
        self.texts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            # Django puts a newline after <textarea>; browsers drop it.
            value = self._textarea.values[0]
            self._textarea.values[0] = value[1:] if value.startswith("\n") else value
            self._textarea = None
        elif tag == "option" and self._option is not None and self._select is not None:
            value = self._option.get("value", "".join(self._option_text).strip())
            if self._select_first is None:
                self._select_first = value
            if "selected" in self._option:
                self._select.values.append(value)
            self._option = None
        elif tag == "select" and self._select is not None:
            if self._select.kind == "select" and not self._select.values and self._select_first:
                self._select.values = [self._select_first]  # as a browser submits it
            self._select = None
        elif tag == "li" and self._error_text is not None and self._error_field is not None:
            message = " ".join("".join(self._error_text).split())
            if message:
                target = self._form.errors if self._form is not None else {}
                target.setdefault(self._error_field, []).append(message)
            self._error_text = None
        elif tag == "ul":
            self._error_field = None
        elif tag == "form":
            self._form = None
        if tag in _VOID_TAGS:
            return
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break


def parse_forms(html: str) -> tuple[list[HtmlForm], str]:
    """Every form of ``html`` and the page's visible text."""
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms, " ".join(" ".join(parser.texts).split())


def find_form(forms: list[HtmlForm], *, form_id: str = "", has_field: str = "") -> HtmlForm | None:
    """The form with this id, else the first with a field of this name."""
    for form in forms:
        if form_id and form.id == form_id:
            return form
    for form in forms:
        if has_field and has_field in form.fields:
            return form
    return None
