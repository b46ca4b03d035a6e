#!/usr/bin/env bash
# Builds Eddy's installers with the JDK's jpackage:
#   installer/target/image/Eddy   an application image: the designer (bin/Eddy) and the runner (bin/eddy)
#                                 as launchers, with a Java runtime, JavaFX, the libraries and the samples inside
#   installer/target/*.deb        a Debian package of that image, with a desktop entry for the designer
# ./installer/build.sh            builds Eddy (Maven wrapper), then both
# ./installer/build.sh --image    the image only; --no-build uses the jars already built (the installer's test does)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/installer/target"
image_only=false; build=true
for a in "$@"; do
  case "$a" in
    --image) image_only=true ;;
    --no-build) build=false ;;
    *) echo "installer: unknown option $a (expected --image, --no-build)" >&2; exit 2 ;;
  esac
done
command -v jpackage >/dev/null || { echo "installer: jpackage is not on the PATH (it comes with JDK 17)" >&2; exit 2; }
if $build; then "$here/mvnw" -q -f "$here/pom.xml" -pl app -am -DskipTests install; fi
[ -f "$here/app/target/eddy-app.jar" ] && [ -f "$here/app/target/classpath.txt" ] \
  || { echo "installer: the designer is not built (app/target/eddy-app.jar); run without --no-build" >&2; exit 2; }

# What goes into the image: the designer's jar and every jar it runs with (JavaFX's too: on the class
# path, as the tests run it), and the samples with their data and expected output.
rm -rf "$out/input" "$out/image"
mkdir -p "$out/input/lib" "$out/image"
cp "$here/app/target/eddy-app.jar" "$out/input/lib/"
IFS=":" read -r -a jars < "$here/app/target/classpath.txt" || true
for j in "${jars[@]}"; do cp "$j" "$out/input/lib/"; done
mkdir -p "$out/input/samples"
for d in "$here"/samples/*/; do
  case "$(basename "$d")" in src|target) continue ;; esac
  cp -r "$d" "$out/input/samples/"
done

version=0.1.0
app=(--name Eddy --app-version "$version" --vendor "Eddy"
  --description "A visual designer for stream processing pipelines, with an engine that runs them as Apache Flink does"
  --input "$out/input" --main-jar lib/eddy-app.jar --main-class dev.eddy.app.DesignerMain
  --java-options '-Deddy.samples=$APPDIR/samples'
  --add-launcher eddy="$here/installer/eddy-launcher.properties")
jpackage --type app-image --dest "$out/image" "${app[@]}"
echo "installer: built $out/image/Eddy (bin/Eddy opens the designer, bin/eddy runs pipelines)"
$image_only && exit 0

command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null \
  || { echo "installer: a Debian package needs dpkg-deb and fakeroot (apt-get install dpkg-dev fakeroot)" >&2; exit 2; }
# installer/deb holds the package's postinst: only the designer goes into the menu.
rm -f "$out"/*.deb
jpackage --type deb --dest "$out" "${app[@]}" --linux-package-name eddy --resource-dir "$here/installer/deb" \
  --linux-shortcut --linux-menu-group Development --linux-app-category devel --linux-package-deps libgtk-3-0
echo "installer: built $(ls "$out"/*.deb) (installs into /opt/eddy, with Eddy in the Development menu)"
