#!/bin/sh
# Install pmdesk for the current user, without root and without Python:
#
#   ./install.sh              install (or update) into your home
#   ./install.sh --uninstall  remove it again (your projects and pmdesk's data stay)
#
# Where things go (the XDG base directories; XDG_DATA_HOME defaults to ~/.local/share):
#   ~/.local/lib/pmdesk/                 the program (PMDESK_INSTALL_DIR to choose another)
#   ~/.local/bin/pmdesk                  a link to it, for the command line
#   $XDG_DATA_HOME/applications/pmdesk.desktop            the application menu entry
#   $XDG_DATA_HOME/icons/hicolor/*/apps/pmdesk.png        the icon, 16-512 px and SVG
#   $XDG_DATA_HOME/icons/hicolor/*/mimetypes/application-x-pmdesk.png
#   $XDG_DATA_HOME/mime/packages/pmdesk.xml               the .pmdesk file type
# and .pmdesk files open with pmdesk (xdg-mime default, or mimeapps.list directly).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
CONFIG=${XDG_CONFIG_HOME:-$HOME/.config}
APPDIR=${PMDESK_INSTALL_DIR:-$HOME/.local/lib/pmdesk}
BIN=$HOME/.local/bin
MIME=application/x-pmdesk

have() { command -v "$1" >/dev/null 2>&1; }

refresh() {
    # The desktop's caches; each tool is optional (a desktop without it reads the files).
    if have update-mime-database; then update-mime-database "$DATA/mime" >/dev/null 2>&1 || true; fi
    if have update-desktop-database; then
        update-desktop-database -q "$DATA/applications" 2>/dev/null || true
    fi
    if have gtk-update-icon-cache && [ -f "$DATA/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -f -t "$DATA/icons/hicolor" 2>/dev/null || true
    fi
    if have xdg-icon-resource; then xdg-icon-resource forceupdate --mode user 2>/dev/null || true; fi
}

icon_files() {  # the icon files the archive carries, relative to share/icons
    (cd "$HERE/share/icons" && find hicolor -type f)
}

uninstall() {
    rm -rf "$APPDIR"
    if [ -L "$BIN/pmdesk" ]; then rm -f "$BIN/pmdesk"; fi
    rm -f "$DATA/applications/pmdesk.desktop" "$DATA/mime/packages/pmdesk.xml"
    for f in $(icon_files); do rm -f "$DATA/icons/$f"; done
    if [ -f "$CONFIG/mimeapps.list" ]; then
        sed -i "/^$(echo "$MIME" | sed 's|/|\\/|')=pmdesk.desktop;*$/d" "$CONFIG/mimeapps.list"
    fi
    refresh
    echo "pmdesk is removed. Your projects and pmdesk's own data ($DATA/pmdesk) are kept."
}

set_default() {
    # .pmdesk files open with pmdesk: xdg-mime where it exists, else the same entry
    # written into mimeapps.list ourselves.
    if have xdg-mime && xdg-mime default pmdesk.desktop "$MIME" 2>/dev/null; then
        return
    fi
    list="$CONFIG/mimeapps.list"
    mkdir -p "$CONFIG"
    if [ -f "$list" ] && grep -q "^$MIME=" "$list"; then
        sed -i "s|^$MIME=.*|$MIME=pmdesk.desktop;|" "$list"
    elif [ -f "$list" ] && grep -q '^\[Default Applications\]' "$list"; then
        sed -i "/^\[Default Applications\]/a $MIME=pmdesk.desktop;" "$list"
    else
        printf '\n[Default Applications]\n%s=pmdesk.desktop;\n' "$MIME" >>"$list"
    fi
}

install() {
    if [ ! -x "$HERE/pmdesk/pmdesk" ]; then
        echo "install.sh: run it from the unpacked pmdesk archive (pmdesk/pmdesk is missing)." >&2
        exit 2
    fi
    # The program: copied beside, then swapped in, so an update never leaves half of one.
    mkdir -p "$(dirname "$APPDIR")"
    rm -rf "$APPDIR.new"
    cp -R "$HERE/pmdesk" "$APPDIR.new"
    rm -rf "$APPDIR"
    mv "$APPDIR.new" "$APPDIR"
    mkdir -p "$BIN"
    ln -sfn "$APPDIR/pmdesk" "$BIN/pmdesk"

    # The menu entry runs the program by its full path: ~/.local/bin is not on
    # every desktop session's PATH. (Exec quotes it: a path may hold spaces.)
    mkdir -p "$DATA/applications"
    exec_path=$(printf '%s' "$APPDIR/pmdesk" | sed 's/[\\"`$]/\\\\&/g')
    sed -e "s|^Exec=pmdesk |Exec=\"$exec_path\" |" -e "s|^TryExec=pmdesk$|TryExec=$APPDIR/pmdesk|" \
        "$HERE/share/applications/pmdesk.desktop" >"$DATA/applications/pmdesk.desktop"
    chmod 644 "$DATA/applications/pmdesk.desktop"

    for f in $(icon_files); do
        mkdir -p "$DATA/icons/$(dirname "$f")"
        cp "$HERE/share/icons/$f" "$DATA/icons/$f"
    done
    mkdir -p "$DATA/mime/packages"
    cp "$HERE/share/mime/packages/pmdesk.xml" "$DATA/mime/packages/pmdesk.xml"
    refresh
    set_default

    echo "pmdesk $("$APPDIR/pmdesk" --version | sed 's/^pmdesk //') is installed in $APPDIR."
    echo "It is in the application menu (Office); .pmdesk files open with it."
    case ":$PATH:" in
        *":$BIN:"*) ;;
        *) echo "For the command line, add $BIN to your PATH (or run $APPDIR/pmdesk)." ;;
    esac
}

case "${1:-}" in
    "") install ;;
    --uninstall) uninstall ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' ;;
    *)
        echo "install.sh: unknown option $1 (see ./install.sh --help)" >&2
        exit 2
        ;;
esac
