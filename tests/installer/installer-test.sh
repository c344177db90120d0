#!/usr/bin/env bash

# SPDX-FileCopyrightText: 2026 Talker contributors
#
# SPDX-License-Identifier: GPL-3.0-or-later

# Linux package tests, one step per CTest test (tests/installer/CMakeLists.txt):
#
#   package   BUILD_DIR OUT_DIR "DEB;TGZ[;RPM]"  cpack builds the packages
#   contents  OUT_DIR VERSION                    what the .deb/.tar.gz/.rpm hold
#   nsis      SOURCE_DIR OUT_DIR VERSION HOMEPAGE  makensis compiles the Windows installer script
#   install   OUT_DIR                            apt-get install ./talker_*.deb
#   cli       VERSION                            installed talker/talker-server --version
#   app       SOURCE_DIR                         installed app starts under Xvfb, loads its QML
#   desktop   VERSION                            desktop file, metainfo, link handler, icons, unit
#   remove                                       apt-get remove talker, nothing left behind
#
# Steps that change the system need root and exit 77 (skipped) without it.
set -euo pipefail

APP_ID=org.talker.Talker
PKG=talker
ICON_SIZES=(16 22 24 32 48 64 128 256 512)
QT_QML_DIR=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)/qt6/qml

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
note() { echo "-- $*"; }
need_root() {
    if [ "$(id -u)" != 0 ]; then
        echo "SKIPPED: this step installs packages and needs root"
        exit 77
    fi
}
need_tool() {
    command -v "$1" >/dev/null || fail "$1 is missing (bash .ci/install-deps.sh installs it)"
}
apt_quiet() {
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 -y -q "$@"
}
single_file() { # single_file DIR GLOB: the one file matching, or fail
    # shellcheck disable=SC2206 # $2 is a glob on purpose
    local matches=("$1"/$2)
    [ -e "${matches[0]}" ] || fail "no $2 in $1"
    [ "${#matches[@]}" = 1 ] || fail "more than one $2 in $1: ${matches[*]}"
    echo "${matches[0]}"
}

# A clean desktop-less environment: no user mimeapps.list, no DE-specific tools.
neutral_env() {
    local home=$1
    mkdir -p "$home/.config" "$home/.local/share" "$home/.cache" "$home/run"
    chmod 700 "$home/run"
    export HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share
    export XDG_CACHE_HOME=$home/.cache XDG_RUNTIME_DIR=$home/run
    export XDG_DATA_DIRS=/usr/local/share:/usr/share XDG_CONFIG_DIRS=/etc/xdg
    unset XDG_CURRENT_DESKTOP XDG_SESSION_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION \
        GNOME_DESKTOP_SESSION_ID DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM QT_PLUGIN_PATH \
        QML_IMPORT_PATH QML2_IMPORT_PATH LD_LIBRARY_PATH QT_QUICK_CONTROLS_STYLE
}

# Every package the installed talker package pulls in, recursively (alternatives
# and virtual packages included): the packages a clean machine would get.
depends_closure() {
    apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
        --no-replaces --no-enhances "$PKG" 2>/dev/null |
        sed -E 's/^ *\|?(Pre)?Depends: //; s/[<>]//g; s/:any$//' | sort -u
}
owner_of() { # the package(s) owning a file, one a line
    dpkg-query -S "$1" 2>/dev/null | sed -E 's/: [^:]*$//' | tr ',' '\n' | sed -E 's/^ +//; s/:.*//'
}

check_icon_dims() { # check_icon_dims ROOT: every hicolor PNG has its nominal size
    local root=$1 s f
    for s in "${ICON_SIZES[@]}"; do
        f=$root/usr/share/icons/hicolor/${s}x${s}/apps/$APP_ID.png
        [ -f "$f" ] || fail "icon missing: ${f#"$root"}"
        file "$f" | grep -q "PNG image data, $s x $s," || fail "wrong icon: $(file "$f")"
    done
    [ -f "$root/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" ] || fail "scalable icon missing"
}

check_desktop_files() { # check_desktop_files ROOT VERSION
    local root=$1 version=$2
    local desktop=$root/usr/share/applications/$APP_ID.desktop
    local metainfo=$root/usr/share/metainfo/$APP_ID.metainfo.xml
    desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $desktop"
    grep -qx 'MimeType=x-scheme-handler/talker;' "$desktop" || fail "no talker:// MimeType"
    grep -qE '^Exec=talker .*%u' "$desktop" || fail "Exec does not take the link (%u)"
    grep -qx "Icon=$APP_ID" "$desktop" || fail "Icon is not $APP_ID"
    appstreamcli validate --no-net "$metainfo" || fail "appstreamcli rejects $metainfo"
    grep -q "<launchable type=\"desktop-id\">$APP_ID.desktop</launchable>" "$metainfo" ||
        fail "metainfo does not launch $APP_ID.desktop"
    grep -q "<project_license>GPL-3.0-or-later</project_license>" "$metainfo" ||
        fail "metainfo names no project licence"
    grep -q "<release version=\"$version\"" "$metainfo" ||
        fail "metainfo has no <release> for version $version (resources/$APP_ID.metainfo.xml)"
    check_icon_dims "$root"
}

step_package() {
    local build=$1 out=$2 generators=$3
    need_tool cpack
    rm -rf "$out"
    mkdir -p "$out"
    note "cpack -G '$generators' in $build"
    (cd "$build" && cpack --config "$build/CPackConfig.cmake" -G "$generators" -B "$out") ||
        fail "cpack failed"
    local g
    IFS=';' read -ra gens <<<"$generators"
    for g in "${gens[@]}"; do
        case $g in
        DEB) single_file "$out" "${PKG}_*.deb" ;;
        TGZ) single_file "$out" "${PKG}-*.tar.gz" ;;
        RPM) single_file "$out" "${PKG}-*.rpm" ;;
        esac
    done
}

# The files a package may hold (relative, no leading ./ or /), and those it must.
allowed_path() {
    case $1 in
    usr/bin/talker | usr/bin/talker-server) return 0 ;;
    usr/share/applications/"$APP_ID".desktop | usr/share/metainfo/"$APP_ID".metainfo.xml) return 0 ;;
    usr/share/icons/hicolor/*/apps/"$APP_ID".png | usr/share/icons/hicolor/scalable/apps/"$APP_ID".svg) return 0 ;;
    usr/lib/systemd/system/talker-server.service) return 0 ;;
    usr/lib/systemd/system/talker-server-node.service) return 0 ;; # cluster node (issue 12)
    usr/share/doc/"$PKG" | usr/share/doc/"$PKG"/copyright) return 0 ;; # rpm lists the folder too
    usr/lib/.build-id | usr/lib/.build-id/*) return 0 ;; # rpm's debug links
    esac
    return 1
}
check_file_list() { # check_file_list WHAT < list of files (relative paths)
    local what=$1 path n=0 unexpected=()
    while read -r path; do
        n=$((n + 1))
        allowed_path "$path" || unexpected+=("$path")
    done
    [ "${#unexpected[@]}" = 0 ] ||
        fail "$what holds files nobody packages on purpose: ${unexpected[*]} (tests/installer/installer-test.sh lists the allowed ones)"
    [ "$n" -ge 14 ] || fail "$what holds only $n files"
}

step_contents() {
    local out=$1 version=$2 deb arch tmp
    need_tool dpkg-deb
    deb=$(single_file "$out" "${PKG}_*.deb")
    arch=$(dpkg --print-architecture)
    [ "$(basename "$deb")" = "${PKG}_${version}_${arch}.deb" ] || fail "unexpected name $deb"
    [ "$(dpkg-deb -f "$deb" Package)" = "$PKG" ] || fail "Package field"
    [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version field is not $version"
    [ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || fail "Architecture field"
    local depends
    depends=$(dpkg-deb -f "$deb" Depends)
    note "Depends: $depends"
    local p
    for p in libqt6keychain1 libqt6sql6-sqlite qt6-qpa-plugins qml6-module-qtquick \
        qml6-module-qtquick-controls libqt6core6 libc6; do
        grep -qE "(^|, )$p( |,|$)" <<<"$depends" || fail "Depends lacks $p"
    done

    tmp=$WORK
    dpkg-deb -x "$deb" "$tmp/root"
    (cd "$tmp/root" && find . -type f -o -type l) | sed 's|^\./||' | sort >"$tmp/files"
    check_file_list "$(basename "$deb")" <"$tmp/files"
    for p in usr/bin/talker usr/bin/talker-server; do
        [ -x "$tmp/root/$p" ] || fail "$p missing or not executable"
        file "$tmp/root/$p" | grep -q 'ELF.*, stripped' || fail "$p is not stripped: $(file "$tmp/root/$p")"
    done
    [ -f "$tmp/root/usr/lib/systemd/system/talker-server.service" ] || fail "systemd unit missing"
    grep -qx 'License: GPL-3.0-or-later' "$tmp/root/usr/share/doc/$PKG/copyright" ||
        fail "the .deb's copyright file does not name GPL-3.0-or-later"
    check_desktop_files "$tmp/root" "$version"
    note "$(basename "$deb"): $(wc -l <"$tmp/files") files, $(stat -c %s "$deb") bytes"

    local tgz
    tgz=$(single_file "$out" "${PKG}-*.tar.gz")
    tar -tzf "$tgz" | grep -v '/$' | sed -E 's|^[^/]+/||; s|^|usr/|' | sort >"$tmp/tgz"
    check_file_list "$(basename "$tgz")" <"$tmp/tgz"
    grep -qx usr/bin/talker "$tmp/tgz" && grep -qx usr/bin/talker-server "$tmp/tgz" ||
        fail "$(basename "$tgz") lacks the binaries"

    local rpms=("$out"/"${PKG}"-*.rpm)
    if [ -e "${rpms[0]}" ]; then
        need_tool rpm
        local rpm_file=${rpms[0]}
        rpm -qp --qf '%{NAME} %{VERSION}\n' "$rpm_file" 2>/dev/null | grep -qx "$PKG $version" ||
            fail "rpm name/version"
        rpm -qpl "$rpm_file" 2>/dev/null | sed 's|^/||' | sort >"$tmp/rpm"
        check_file_list "$(basename "$rpm_file")" <"$tmp/rpm"
        [ "$(rpm -qp --qf '%{LICENSE}' "$rpm_file" 2>/dev/null)" = GPL-3.0-or-later ] ||
            fail "rpm License is not GPL-3.0-or-later"
        rpm -qpR "$rpm_file" 2>/dev/null | grep -q '^qt6-qtdeclarative' || fail "rpm Requires lacks qt6-qtdeclarative"
        rpm -qpR "$rpm_file" 2>/dev/null | grep -q '^libqt6keychain.so' || fail "rpm lacks the keychain library requirement"
    fi
}

step_nsis() {
    local src=$1 out=$2 version=$3 homepage=$4
    need_tool makensis
    rm -rf "$out"
    cmake -S "$src/tests/installer/nsis" -B "$out" -DTALKER_SOURCE_DIR="$src" \
        -DTALKER_VERSION="$version" -DTALKER_HOMEPAGE_URL="$homepage" >"$WORK/configure.log" 2>&1 ||
        { cat "$WORK/configure.log"; fail "configuring the NSIS test project failed"; }
    (cd "$out" && cpack -G NSIS >"$WORK/cpack.log" 2>&1) ||
        { cat "$WORK/cpack.log" "$out"/_CPack_Packages/*/NSIS/NSISOutput.log 2>/dev/null; fail "makensis rejected the installer script"; }
    local exe nsi
    exe=$(single_file "$out" "${PKG}-${version}-*.exe")
    file "$exe" | grep -q 'Nullsoft Installer' || fail "not an NSIS installer: $(file "$exe")"
    nsi=$(single_file "$out/_CPack_Packages" "*/NSIS/project.nsi")
    local line
    for line in 'WriteRegStr SHCTX "Software\Classes\talker" "URL Protocol" ""' \
        'WriteRegStr SHCTX "Software\Classes\talker\shell\open\command" "" '"'"'"$INSTDIR\bin\talker.exe" "%1"'"'" \
        'DeleteRegKey SHCTX "Software\Classes\talker"' \
        'CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\Talker.lnk" "$INSTDIR\bin\talker.exe"' \
        'WriteUninstaller "$INSTDIR\Uninstall.exe"'; do
        grep -qF "$line" "$nsi" || fail "the NSIS script lacks: $line"
    done
    note "$(basename "$exe"): $(stat -c %s "$exe") bytes; talker:// scheme, shortcut and uninstaller in the script"
}

step_install() {
    need_root
    local out=$1 deb
    deb=$(realpath "$(single_file "$out" "${PKG}_*.deb")") # apt needs a path, not a name
    if dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q 'installed'; then
        note "removing a $PKG left from an earlier run"
        apt_quiet remove --purge "$PKG" >/dev/null
    fi
    note "apt-get install $deb"
    apt_quiet install --no-install-recommends "$deb" || fail "apt-get install failed"
    dpkg-query -W -f='${Status}' "$PKG" | grep -qx 'install ok installed' || fail "$PKG is not installed"
    [ -x /usr/bin/talker ] && [ -x /usr/bin/talker-server ] || fail "binaries not in /usr/bin"
}

step_cli() {
    need_root
    local version=$1 got
    # No display on purpose: --version must not need one.
    got=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/talker --version 2>&1) ||
        fail "talker --version failed: $got"
    note "talker --version: $got"
    grep -qE "^talker $version$" <<<"$got" || fail "talker --version does not print 'talker $version'"
    got=$(/usr/bin/talker-server --version 2>&1) || fail "talker-server --version failed: $got"
    note "talker-server --version: $got"
    grep -qE "^talker-server $version$" <<<"$got" || fail "talker-server --version does not print 'talker-server $version'"
}

# wait_window PID OUT: waits up to 60 s for a mapped window of process PID whose
# title names Talker, and writes its id to OUT.
wait_window() {
    local pid=$1 out=$2 wid state
    for _ in $(seq 1 120); do
        kill -0 "$pid" 2>/dev/null || return 1
        for wid in $(xwininfo -root -tree 2>/dev/null | awk '/"[^"]*Talker[^"]*"/ {print $1}'); do
            xprop -id "$wid" _NET_WM_PID 2>/dev/null | grep -qx "_NET_WM_PID(CARDINAL) = $pid" || continue
            state=$(xwininfo -id "$wid" 2>/dev/null | awk -F': *' '/Map State/ {s=$2} /Width/ {w=$2} END {print s, w}')
            if [ "${state% *}" = IsViewable ] && [ "${state#* }" -ge 100 ]; then
                echo "$wid" >"$out"
                return 0
            fi
        done
        sleep 0.5
    done
    return 1
}
stop_process() { # stop_process PID: TERM, then KILL after 10 s
    kill -TERM "$1" 2>/dev/null || return 0
    for _ in $(seq 1 20); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 0.5
    done
    kill -KILL "$1" 2>/dev/null || true
}

# Runs inside xvfb-run: starts the installed app, waits for its main window and
# records which shared objects it loaded; then opens a talker:// link the way a
# browser or file manager does (xdg-open) and checks that it starts the app.
app_inner() {
    local work=$1 pid wid
    /usr/bin/talker --host-local --profile "$work/profile" >"$work/app.log" 2>&1 &
    pid=$!
    if wait_window "$pid" "$work/window"; then
        sleep 3 # let the views settle and load what they load lazily
        wid=$(cat "$work/window")
        xwininfo -id "$wid" | grep -E 'xwininfo:|Width|Height' >"$work/window.txt" || true
        xprop -id "$wid" _NET_WM_ICON WM_CLASS >"$work/xprop.txt" 2>&1 || true
    fi
    if kill -0 "$pid" 2>/dev/null; then
        echo alive >"$work/alive"
        cp "/proc/$pid/maps" "$work/maps"
        kill -TERM "$pid"
    fi
    wait "$pid" || true

    local link="talker://127.0.0.1:9/Lobby" lpid=""
    xdg-open "$link" >"$work/open.log" 2>&1 &
    for _ in $(seq 1 60); do
        lpid=$(pgrep -n -f "talker $link") && break
        sleep 0.5
    done
    if [ -n "$lpid" ]; then
        tr '\0' ' ' <"/proc/$lpid/cmdline" >"$work/link.cmdline" || true
        wait_window "$lpid" "$work/link.window" || true
        stop_process "$lpid"
    fi
    wait || true
}

step_app() {
    need_root
    local src=$1
    need_tool xvfb-run
    need_tool xwininfo
    need_tool xprop
    need_tool xdg-open
    need_tool pgrep
    local work=$WORK
    neutral_env "$work/home"
    local runner=()
    command -v dbus-run-session >/dev/null && runner=(dbus-run-session --)
    note "starting the installed talker --host-local under Xvfb"
    timeout 140 "${runner[@]}" xvfb-run -a -s "-screen 0 1280x800x24" \
        bash "$0" __app_inner "$work" || true
    echo "---- app output ----"
    cat "$work/app.log" || true
    echo "---- output of the app xdg-open started ----"
    cat "$work/open.log" || true
    echo "--------------------"
    local pattern='is not installed|module "[^"]*" (version [^ ]+ )?not found|plugin cannot be loaded for module|Could not load the Qt platform plugin|could not connect to display|failed to load component|Cannot load library|QSQLITE driver not loaded|Driver not loaded'
    if grep -Eq "$pattern" "$work/app.log" "$work/open.log"; then
        fail "the installed app could not load its QML or plugins: $(grep -hE "$pattern" "$work/app.log" "$work/open.log" | head -3)"
    fi
    [ -s "$work/window" ] || fail "no Talker window appeared within 60 s"
    [ -f "$work/alive" ] || fail "the app exited by itself after showing its window"
    note "window: $(tr '\n' ' ' <"$work/window.txt")"
    # The window icon comes from talker_resources (compiled in, not the icon theme).
    grep -q '^_NET_WM_ICON(CARDINAL) = ' "$work/xprop.txt" ||
        fail "the window has no icon: $(head -c 300 "$work/xprop.txt")"
    note "$(grep -c 'Icon (' "$work/xprop.txt") window icon sizes; $(grep WM_CLASS "$work/xprop.txt")"
    [ -s "$work/link.cmdline" ] ||
        fail "xdg-open talker://127.0.0.1:9/Lobby did not start talker with the link"
    [ -s "$work/link.window" ] || fail "the app started from the talker:// link showed no window"
    note "xdg-open talker://127.0.0.1:9/Lobby ran: $(cat "$work/link.cmdline")"

    # Every Qt plugin and QML plugin it loaded comes from a package the talker
    # package pulls in: nothing works only because the build machine has it.
    depends_closure >"$work/closure"
    local so owners missing=() n=0
    while read -r so; do
        n=$((n + 1))
        owners=$(owner_of "$so")
        [ -n "$owners" ] || fail "$so is not owned by any package"
        grep -qxF -f <(echo "$owners") "$work/closure" || missing+=("$so ($(echo "$owners" | tr '\n' ' '))")
    done < <(grep -oE '/[^ ]*/qt6/(plugins|qml)/[^ ]+\.so' "$work/maps" | sort -u)
    [ "$n" -gt 3 ] || fail "only $n Qt/QML plugins in the app's memory map: did QML load at all?"
    [ "${#missing[@]}" = 0 ] || fail "loaded from packages the .deb does not depend on: ${missing[*]}"
    note "$n Qt/QML plugins loaded, all from packages in talker's Depends"

    # The same for every module the QML sources import.
    local uri dir qmls=() imports
    mapfile -t qmls < <(find "$src/qml" "$src/app" -name '*.qml' 2>/dev/null)
    imports=$(sed -nE 's/^[[:space:]]*import[[:space:]]+([A-Za-z_][A-Za-z0-9_.]*).*/\1/p' "${qmls[@]}" | sort -u)
    for uri in $imports; do
        dir=$QT_QML_DIR/${uri//.//}
        [ -f "$dir/qmldir" ] || continue # the app's own module, compiled in
        owners=$(owner_of "$dir/qmldir")
        grep -qxF -f <(echo "$owners") "$work/closure" ||
            fail "QML import $uri comes from $owners, which talker does not depend on"
    done
    note "QML imports: $(echo $imports)"
}

step_desktop() {
    need_root
    local version=$1 work=$WORK
    neutral_env "$work/home"
    check_desktop_files / "$version"
    local handler
    handler=$(xdg-mime query default x-scheme-handler/talker)
    note "xdg-mime query default x-scheme-handler/talker: $handler"
    [ "$handler" = "$APP_ID.desktop" ] || fail "talker:// links open '$handler', not $APP_ID.desktop"

    local unit=/usr/lib/systemd/system/talker-server.service
    [ -f "$unit" ] || fail "systemd unit not installed at $unit"
    if command -v systemd-analyze >/dev/null; then
        systemd-analyze verify --man=no "$unit" || fail "systemd-analyze verify rejects $unit"
    else
        note "systemd-analyze not installed: unit syntax not verified"
    fi
    if find /etc/systemd/system -name 'talker-server.service' 2>/dev/null | grep -q .; then
        fail "talker-server.service got enabled by the package"
    fi
    note "talker-server.service installed at $unit, not enabled"
}

step_remove() {
    need_root
    local work=$WORK
    if ! dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q installed; then
        note "$PKG is not installed; nothing to remove"
        exit 0
    fi
    apt_quiet remove "$PKG" || fail "apt-get remove failed"
    if dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q 'installed'; then
        fail "$PKG is still installed"
    fi
    local f
    for f in /usr/bin/talker /usr/bin/talker-server /usr/share/applications/$APP_ID.desktop \
        /usr/share/metainfo/$APP_ID.metainfo.xml /usr/lib/systemd/system/talker-server.service \
        /usr/share/icons/hicolor/48x48/apps/$APP_ID.png; do
        [ ! -e "$f" ] || fail "$f is left after removal"
    done
    neutral_env "$work/home"
    local handler
    handler=$(xdg-mime query default x-scheme-handler/talker || true)
    [ "$handler" != "$APP_ID.desktop" ] || fail "talker:// still registered after removal"
    note "removed; no files or link handler left"
}

step=${1:-}
shift || true
case $step in
package) step_package "$@" ;;
contents) step_contents "$@" ;;
nsis) step_nsis "$@" ;;
install) step_install "$@" ;;
cli) step_cli "$@" ;;
app) step_app "$@" ;;
__app_inner) app_inner "$@" ;;
desktop) step_desktop "$@" ;;
remove) step_remove "$@" ;;
*) fail "usage: $0 package|contents|nsis|install|cli|app|desktop|remove ARGS" ;;
esac
