; Inno Setup script: a per-user installer for Windows (no administrator rights needed).
; Build after PyInstaller (see .github/workflows/installers.yml):
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\diversity-assistant installer\windows\diversity-assistant.iss
; Signing (documented step, needs the organisation's code-signing certificate on the build machine):
;   signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /a dist\diversity-assistant\diversity-assistant.exe
;   ... then the same for Output\DiversityAssistant-Setup-<version>.exe after iscc.
; Inno Setup can call it itself: define SignTool=signtool $p in the IDE/CLI and uncomment SignTool below.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\diversity-assistant"
#endif

[Setup]
AppId={{6D1B2F0E-4C8A-4F7E-9B1D-5A2C3E4F6A70}
AppName=Diversity Assistant
AppVersion={#AppVersion}
AppVerName=Diversity Assistant {#AppVersion}
AppPublisher=Diversity Assistant
VersionInfoVersion={#AppVersion}
VersionInfoDescription=Diversity Assistant installer
DefaultDirName={localappdata}\Programs\Diversity Assistant
DefaultGroupName=Diversity Assistant
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=DiversityAssistant-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName=Diversity Assistant
UninstallDisplayIcon={app}\diversity-assistant.exe
; SignTool=signtool
; SignedUninstaller=yes

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\Diversity Assistant"; Filename: "{app}\diversity-assistant.exe"
Name: "{userdesktop}\Diversity Assistant"; Filename: "{app}\diversity-assistant.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\diversity-assistant.exe"; Description: "{cm:LaunchProgram,Diversity Assistant}"; Flags: nowait postinstall skipifsilent
