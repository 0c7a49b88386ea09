#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The report wizard and an investigation taken to their end through the
# accessibility tree alone, as a screen reader user would: every control
# is found by its role and name, pressed through AT-SPI or with the
# keyboard, and on every step each control must have a name (said once,
# without a mnemonic's underscore) and be within keyboard reach.
#
#   test-accessibility.py LEXSARAH EXAMPLE.json
#
# It starts an X server (Xvfb) and a session bus (dbus-run-session) of
# its own; the app runs on a temporary database with the settings in
# memory.  Exits 77 (skipped) when the AT-SPI bindings are not installed.

import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import gi

    gi.require_version("Atspi", "2.0")
    import gi.repository.GLib
    import pyatspi
except (ImportError, ValueError):
    print("python3-pyatspi is not installed", file=sys.stderr)
    sys.exit(77)

APP, EXAMPLE = sys.argv[1], sys.argv[2]

# Roles a user acts on; each needs a name and the keyboard.
CONTROLS = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "password text",
    "spin button",
    "slider",
    "switch",
    "list item",
    "menu item",
    "link",
}

DRAFT = "5d1c2a4e-7b3f-4c2a-9e1d-000000000001"
OPEN_CASE = "5d1c2a4e-7b3f-4c2a-9e1d-000000000002"

# Waiting is for the app, never an assertion on speed.
WAIT = 30.0

problems = []

# The child's exit status when the app never reached the accessibility
# bus, a fault of the X server or the bus rather than of the app: the
# session is tried again with new ones.
NO_SESSION = 75
SESSIONS = 3


def wait_for(what, condition):
    if os.environ.get("LS_A11Y_DEBUG"):
        print("waiting for", what, file=sys.stderr)
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            found = condition()
        except gi.repository.GLib.Error:
            # A window went while it was being read.
            found = None
        if found:
            return found
        time.sleep(0.1)
    if os.environ.get("LS_A11Y_DEBUG"):
        for a in children(app_node()):
            print("WINDOW", repr(a.name), showing(a), file=sys.stderr)
            for n in walk(a, title_of(a) if a.name != "Lex Sarah" else None):
                print(n.getRoleName(), repr(n.name), file=sys.stderr)
    sys.exit("Gave up waiting for %s" % what)


def children(node):
    try:
        return [c for c in node if c is not None]
    except Exception:
        return []


def showing(node):
    """GTK 4.8 sets no "showing" state: a widget on screen has a size, one
    on a stack's hidden page or in a hidden window has none.  Nodes without
    a place of their own (a stack's pages) are looked through."""
    try:
        component = node.queryComponent()
    except NotImplementedError:
        return True
    except Exception:
        return False
    try:
        extents = component.getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return False
    return extents.width > 0 and extents.height > 0


def is_stack_page(node):
    # A stack's page has no place of its own on screen.
    try:
        node.queryComponent()
        return False
    except NotImplementedError:
        pass
    except Exception:
        return False
    try:
        return node.getRoleName() == "panel"
    except Exception:
        return False


def walk(node, page=None):
    """Every showing node under @node, depth first; of a stack's pages,
    only the one named @page when @page is given.  (A page shown once
    keeps its size when hidden.)"""
    for child in children(node):
        if page is not None and is_stack_page(child) and child.name != page:
            continue
        if showing(child):
            yield child
            yield from walk(child, page)


def find(root, role, name):
    for node in walk(root):
        if node.getRoleName() == role and node.name == name:
            return node
    return None


def find_prefix(root, role, prefix):
    for node in walk(root):
        if node.getRoleName() == role and (node.name or "").startswith(prefix):
            return node
    return None


def sensitive(root, name):
    """The button @name under @root, once it can be pressed."""
    button = find(root, "push button", name)
    if button is not None and button.getState().contains(pyatspi.STATE_SENSITIVE):
        return button
    return None


def app_node():
    for a in children(pyatspi.Registry.getDesktop(0)):
        if a.name == "lexsarah":
            return a
    return None


def window(app, name):
    return wait_for(
        "the window “%s”" % name,
        lambda: next(
            (w for w in children(app) if w.name == name and showing(w)), None
        ),
    )


def reachable(node):
    """Whether the keyboard reaches @node, or the part of it that takes
    the focus for it (a menu button's button, an entry row's text)."""
    if node.getState().contains(pyatspi.STATE_FOCUSABLE):
        return True
    return any(reachable(c) for c in children(node))


def repeats_itself(name):
    """Whether @name says the same words twice over, as a label read
    beside the same text would: "Spara Spara", "_Nästa Nästa", "Ett
    faktum Ett faktum"."""
    words = name.replace("_", "").casefold().split()
    for size in range(1, len(words) // 2 + 1):
        if len(words) % size == 0 and words == words[:size] * (len(words) // size):
            return True
    return False


def check_name(node, role, where):
    """Any node's name: said once, and without a mnemonic's underscore."""
    name = node.name or ""
    if "_" in name:
        problems.append("%s: the %s “%s” says an underscore" % (where, role, name))
    elif repeats_itself(name):
        problems.append("%s: the %s “%s” says its name twice" % (where, role, name))


def check_controls(root, where, page=None):
    """Each node under @root: its name said once, without an underscore;
    each control: a name, and the keyboard."""

    def visit(node):
        for child in children(node):
            if page is not None and is_stack_page(child) and child.name != page:
                continue
            if not showing(child):
                continue
            role = child.getRoleName()
            check_name(child, role, where)
            if role in CONTROLS:
                name = child.name or ""
                sensitive = child.getState().contains(pyatspi.STATE_SENSITIVE)
                if not name.strip():
                    problems.append("%s: a %s without a name" % (where, role))
                if sensitive and not reachable(child):
                    problems.append(
                        "%s: “%s” (%s) is out of keyboard reach" % (where, name, role)
                    )
            # A combo box's own parts are said as the combo box.
            if role != "combo box":
                visit(child)

    visit(root)


def press(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return
    if action.nActions > 0:
        action.doAction(0)
        return
    sys.exit("“%s” cannot be pressed" % node.name)


def click(node):
    """A click on @node; windows open at the screen's corner, without a
    window manager to place them."""
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(
        extents.x + min(20, extents.width // 2),
        extents.y + extents.height // 2,
        "b1c",
    )


def key(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def focused(root):
    for node in walk(root):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            # A node went while it was being read.
            pass
    return None


def key_moving_focus(root, keysym):
    """@keysym, and then the time the app takes to move the focus: a key
    pressed while the last is still on its way would pass over the
    control looked for, on a slow machine again at every round.  A key
    that moves it nowhere seen (the one control there is, or a part that
    is not in the tree) is waited for two seconds only."""
    before = focused(root)
    key(keysym)
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        time.sleep(0.05)
        now = focused(root)
        if now is not None and now != before:
            return


def tab_to(root, role, prefix, limit=80):
    """Tab until the control @prefix… has the focus: it must be within
    keyboard reach.  Looked up at every key, as a page may be made anew."""
    for _ in range(limit):
        node = find_prefix(root, role, prefix)
        if node is not None and node.getState().contains(pyatspi.STATE_FOCUSED):
            return node
        key_moving_focus(root, KEY_TAB)
    sys.exit("“%s…” cannot be reached with Tab" % prefix)


# The title of the example's closed case, copied to both cases here, as
# the list shows it: longer than a row is wide.
LONG_TITLE = (
    "Anna Svensson larmade med sitt trygghetslarm kl. 22.30 den 1 mars. "
    "Larmet besvar"
)

KEY_DOWN = 0xFF54
KEY_RETURN = 0xFF0D
KEY_SPACE = 0x20
KEY_TAB = 0xFF09


def open_with_keys(root, prefix):
    """Tab into the list with the item named @prefix…, go down to it and
    press Enter.  The list may be made anew meanwhile: it is looked up
    at every key."""
    for _ in range(200):
        item = find_prefix(root, "list item", prefix)
        if item is not None and item.getState().contains(pyatspi.STATE_FOCUSED):
            key(KEY_RETURN)
            return
        in_list = item is not None and any(
            c.getState().contains(pyatspi.STATE_FOCUSED)
            for c in children(item.parent)
        )
        key_moving_focus(root, KEY_DOWN if in_list else KEY_TAB)
    sys.exit(
        "“%s…” cannot be reached with the keyboard (windows: %s)"
        % (prefix, ", ".join(w.name for w in children(app_node())))
    )


def is_title(node):
    """The step's title: the first label of the header that is no
    button's."""
    try:
        return (
            node.getRoleName() == "label"
            and node.parent is not None
            and node.parent.getRoleName() != "push button"
        )
    except Exception:
        return False


def title_of(wizard):
    """The step's title, as the header shows it."""
    for node in walk(wizard, page=""):
        if is_title(node):
            return node.name
        if node.getRoleName() == "progress bar":
            break
    return ""


def next_button(wizard):
    """What goes on: the header's button after the title (Next, Finish,
    or what the step names it)."""
    after_title = False
    for node in walk(wizard, page=""):
        if not after_title and is_title(node):
            after_title = True
        elif node.getRoleName() == "progress bar":
            break
        elif after_title and node.getRoleName() == "push button":
            return node
    return None


def drive_wizard(app, name, on_step=None, backwards=False):
    """Goes through every step of the wizard @name with its Next button,
    checking each, until the wizard is gone."""
    wizard = window(app, name)
    seen = []

    def gone():
        return not any(w.name == name for w in children(app))

    if backwards:
        # From the step it opened at back to the first, each checked.
        while True:
            wait_for("the steps of %s" % name, lambda: title_of(wizard))
            step = title_of(wizard)
            seen.append(step)
            check_controls(wizard, "%s, %s" % (name, step), page=step)
            back = find(wizard, "push button", "Back")
            if not back.getState().contains(pyatspi.STATE_SENSITIVE):
                return seen
            press(back)
            wait_for("the step before “%s”" % step, lambda: title_of(wizard) != step)

    while True:
        wait_for(
            "the steps of %s" % name, lambda: next_button(wizard) or gone()
        )
        if gone():
            break
        step = title_of(wizard)
        if seen and seen[-1] == step:
            sys.exit("%s: Next did not go on from the step “%s”" % (name, step))
        seen.append(step)
        if on_step is not None:
            on_step(wizard, step)
        check_controls(wizard, "%s, %s" % (name, step), page=step)
        press(next_button(wizard))
        wait_for(
            "the step after “%s”" % step,
            lambda: gone() or title_of(wizard) != step,
        )
        if gone():
            break
    return seen


def make_database(folder):
    with open(EXAMPLE, encoding="utf-8") as f:
        doc = json.load(f)
    closed = next(c for c in doc["cases"] if c["regno"] == "VON-2026-0003")
    later = next(c for c in doc["cases"] if c["regno"] == "VON-2026-0004")
    # Every member is written: an investigation not begun and a
    # notification not made are empty objects, not null.
    not_begun = {
        key: ([] if isinstance(value, list) else None)
        for key, value in later["investigation"].items()
    }
    not_begun["similar_before"] = "unknown"
    not_begun["seriousness"] = "undecided"

    # A report written but not yet registered.
    draft = copy.deepcopy(closed)
    draft["uuid"] = DRAFT
    draft["regno"] = None
    draft["lessons_learned"] = None
    draft["board_notices"] = []
    draft["investigation"] = not_begun
    draft["notification"] = copy.deepcopy(later["notification"])

    # An investigation with everything but its conclusion.
    open_case = copy.deepcopy(closed)
    open_case["uuid"] = OPEN_CASE
    open_case["regno"] = "VON-2026-0009"
    open_case["notification"] = copy.deepcopy(later["notification"])
    open_case["investigation"]["seriousness"] = "undecided"

    # The copies are new cases: the closed case's history and its
    # attachments (whose identifiers are unique) stay with it.
    for copied in (draft, open_case):
        copied.pop("history", None)
        copied.pop("attachments", None)

    doc["cases"] = [draft, open_case]
    path = os.path.join(folder, "cases.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    database = os.path.join(folder, "lexsarah.db")
    subprocess.run([APP, "--database", database, "--import", path], check=True)
    return database


def exported(database, folder):
    out = os.path.join(folder, "out.json")
    subprocess.run([APP, "--database", database, "--export", out], check=True)
    with open(out, encoding="utf-8") as f:
        return {c["uuid"]: c for c in json.load(f)["cases"]}


def conclude(wizard, step):
    """On the conclusion, chooses "serious" with the keyboard."""
    if find_prefix(wizard, "check box", "Serious:") is None:
        return
    # The keyboard goes where the pointer is: into the page.
    click(find(wizard, "text", "Conclusion"))
    check = tab_to(wizard, "check box", "Serious:")
    key(KEY_SPACE)
    wait_for(
        "the choice of serious",
        lambda: check.getState().contains(pyatspi.STATE_CHECKED),
    )


def session(database, case, button, wizard, on_step=None, backwards=False):
    """Starts the app, opens @case from the list with the keyboard, presses
    @button and goes through the wizard @wizard to its end.  Each part in
    an app of its own: without a window manager, the keyboard's focus does
    not come back to the main window when a wizard closes."""
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    app_process = subprocess.Popen([APP, "--database", database], env=env)
    try:
        deadline = time.monotonic() + WAIT
        app = None
        while app is None and time.monotonic() < deadline:
            try:
                app = app_node()
            except gi.repository.GLib.Error:
                app = None
            if app is None:
                if app_process.poll() is not None:
                    break
                time.sleep(0.1)
        if app is None:
            print("The app did not reach the accessibility bus", file=sys.stderr)
            sys.exit(NO_SESSION)
        main_window = window(app, "Lex Sarah")
        wait_for(
            "the case list", lambda: find_prefix(main_window, "list item", case)
        )
        check_controls(main_window, "Main window")
        # A row cuts its title short with an ellipsis; its item says it
        # whole.
        if not any(
            node.getRoleName() == "list item" and LONG_TITLE in (node.name or "")
            for node in walk(main_window)
        ):
            problems.append("No case in the list is named with its whole title")
        open_with_keys(main_window, case)
        press(wait_for(button, lambda: sensitive(main_window, button)))
        return drive_wizard(app, wizard, on_step, backwards)
    finally:
        if app_process.poll() is not None:
            problems.append("The app ended with %d" % app_process.returncode)
        app_process.terminate()
        app_process.wait()
        # The next app must not find this one on the bus.
        wait_for("the app to leave the bus", lambda: app_node() is None)


def main():
    folder = tempfile.mkdtemp(prefix="lexsarah-a11y-")
    os.chmod(folder, 0o700)
    database = make_database(folder)

    report_steps = session(database, "No registration number", "Report", "New Report")
    # Every step of the investigation, from where it opens back to the
    # first; then, anew, forward to its conclusion.
    investigation = ("VON-2026-0009", "Investigate", "Investigation VON-2026-0009")
    investigation_steps = session(database, *investigation, backwards=True)
    investigation_steps += session(database, *investigation, conclude)

    stored = exported(database, folder)
    # Finish took the report: every step was gone through and the wizard
    # closed with the report as it was.
    if report_steps[-1:] != ["Summary"] or len(report_steps) < 7:
        problems.append("The report wizard ended early: %s" % report_steps)
    if stored[DRAFT]["report"]["reporter_name"] != "Kim Berg":
        problems.append("The report changed on its way through the wizard")
    investigation = stored[OPEN_CASE]["investigation"]
    if investigation.get("seriousness") != "serious":
        problems.append("The investigation was not concluded as serious")
    print("Report steps: %s" % ", ".join(report_steps))
    print("Investigation steps: %s" % ", ".join(investigation_steps))
    for problem in problems:
        print(problem, file=sys.stderr)
    shutil.rmtree(folder)
    return 1 if problems else 0


def run_in_own_session():
    """Starts an X server of its own, on a display number it chooses
    itself, and runs this script again in a session bus of its own on it;
    again with new ones when the app never reached the bus."""
    status = NO_SESSION
    for _ in range(SESSIONS):
        status = run_session()
        if status != NO_SESSION:
            return status
    return status


def run_session():
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        # -noreset: by default the server resets when its last client
        # leaves, and the accessibility bus's helpers connecting and
        # leaving as they start made it reset just as the app connected,
        # which then could not open the display (seen in 7 of 30 starts).
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=[write_end],
    )
    os.close(write_end)
    with os.fdopen(read_end) as f:
        display = f.readline().strip()
    if not display:
        server.wait()
        return NO_SESSION
    env = dict(os.environ, DISPLAY=":" + display, LS_A11Y_SESSION="1")
    env.pop("XAUTHORITY", None)
    try:
        return subprocess.run(
            ["dbus-run-session", "--", sys.executable] + sys.argv, env=env
        ).returncode
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    if os.environ.get("LS_A11Y_SESSION") != "1":
        sys.exit(run_in_own_session())
    sys.exit(main())
