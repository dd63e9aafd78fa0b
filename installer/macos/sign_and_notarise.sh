#!/usr/bin/env bash
# Sign (hardened runtime), notarise and staple the macOS app bundle, then wrap it in a .dmg.
# Needs, on the build Mac: a "Developer ID Application" certificate in the keychain and a
# notarytool keychain profile (xcrun notarytool store-credentials "$NOTARY_PROFILE" ...).
#   APP="dist/Diversity Assistant.app" IDENTITY="Developer ID Application: ... (TEAMID)" \
#   NOTARY_PROFILE=diversity-assistant installer/macos/sign_and_notarise.sh
set -euo pipefail
APP=${APP:-"dist/Diversity Assistant.app"}
IDENTITY=${IDENTITY:?set IDENTITY to the Developer ID Application certificate name}
NOTARY_PROFILE=${NOTARY_PROFILE:?set NOTARY_PROFILE to a notarytool keychain profile}
ENTITLEMENTS="$(dirname "$0")/entitlements.plist"
VERSION=$(python3 -c 'import re;print(re.search(r"__version__ = \"(.+)\"", open("desktop_app/__init__.py").read())[1])')
DMG="dist/DiversityAssistant-${VERSION}.dmg"

# Sign every nested binary first (inside out), then the bundle itself.
find "$APP/Contents" -type f \( -name "*.so" -o -name "*.dylib" -o -perm -111 \) -print0 |
  while IFS= read -r -d '' binary; do
    codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" --sign "$IDENTITY" "$binary"
  done
codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" --sign "$IDENTITY" "$APP"
codesign --verify --deep --strict --verbose=2 "$APP"

hdiutil create -volname "Diversity Assistant" -srcfolder "$APP" -ov -format UDZO "$DMG"
codesign --force --timestamp --sign "$IDENTITY" "$DMG"
xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
xcrun stapler staple "$DMG"
xcrun stapler validate "$DMG"
spctl --assess --type open --context context:primary-signature --verbose "$DMG"
echo "notarised: $DMG"
