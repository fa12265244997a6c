; Inno Setup script: a Windows installer for the folder that PyInstaller builds
; (dist\donation-checker, see docs/windows.md). Compile with: iscc packaging\donation-checker.iss
; Installs for the current user without administrator rights (most officers have none) under
; %LOCALAPPDATA%\Programs, with a Start menu entry; the user's own files (%APPDATA%\Donation
; Checker) and logs (%LOCALAPPDATA%\donation-checker) are never written or removed by it.

#define AppVersion "0.1.0"

[Setup]
AppId={{6E0B3C52-8D7A-4C1E-9A51-2F1D3B7C9E40}
AppName=Donation Checker
AppVersion={#AppVersion}
AppPublisher=Donation Checker
DefaultDirName={autopf}\Donation Checker
DefaultGroupName=Donation Checker
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=donation-checker-{#AppVersion}-setup
SetupIconFile=donation-checker.ico
UninstallDisplayIcon={app}\donation-checker-gui.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\donation-checker\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{autoprograms}\Donation Checker"; Filename: "{app}\donation-checker-gui.exe"
Name: "{autodesktop}\Donation Checker"; Filename: "{app}\donation-checker-gui.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\donation-checker-gui.exe"; Description: "{cm:LaunchProgram,Donation Checker}"; Flags: nowait postinstall skipifsilent
