<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>Noch keine Konten.</translation>
    </message>
    <message>
        <source>%1 on %2:%3</source>
        <translation>%1 auf %2:%3</translation>
    </message>
    <message>
        <source>(not connected yet)</source>
        <translation>(noch nicht verbunden)</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Zertifikat: %1</translation>
    </message>
    <message>
        <source>No pinned certificate</source>
        <translation>Kein gespeichertes Zertifikat</translation>
    </message>
    <message>
        <source>Rooms: %1</source>
        <translation>Räume: %1</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>Neues Token</translation>
    </message>
    <message>
        <source>New token for %1</source>
        <translation>Neues Token für %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Change token</source>
        <translation>Token ändern</translation>
    </message>
    <message>
        <source>Forget certificate</source>
        <translation>Zertifikat vergessen</translation>
    </message>
    <message>
        <source>Remove account…</source>
        <translation>Konto entfernen…</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Leave every room of %1 and delete its token, cache and unsent messages from this computer?</source>
        <translation>Alle Räume von %1 verlassen und Token, Zwischenspeicher und ungesendete Nachrichten von diesem Computer löschen?</translation>
    </message>
</context>
<context>
    <name>Badge</name>
    <message>
        <source>%1 mentions</source>
        <translation>%1 Erwähnungen</translation>
    </message>
    <message>
        <source>%1 unread</source>
        <translation>%1 ungelesen</translation>
    </message>
</context>
<context>
    <name>CertificateBar</name>
    <message>
        <source>Untrusted server certificate</source>
        <translation>Nicht vertrauenswürdiges Serverzertifikat</translation>
    </message>
    <message>
        <source>%1:%2 presents a certificate that cannot be verified (%3).</source>
        <translation>%1:%2 legt ein Zertifikat vor, das sich nicht prüfen lässt (%3).</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256-Fingerabdruck: %1</translation>
    </message>
    <message>
        <source>Trust it only if your server admin confirms this fingerprint.</source>
        <translation>Vertrauen Sie ihm nur, wenn Ihre Serveradministration diesen Fingerabdruck bestätigt.</translation>
    </message>
    <message>
        <source>Trust this server</source>
        <translation>Diesem Server vertrauen</translation>
    </message>
    <message>
        <source>Don&apos;t connect</source>
        <translation>Nicht verbinden</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>%1 online</source>
        <translation>%1 online</translation>
    </message>
    <message>
        <source>Notifications ▾</source>
        <translation>Benachrichtigungen ▾</translation>
    </message>
    <message>
        <source>Notification settings for this chat</source>
        <translation>Benachrichtigungen für diesen Chat</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Show members</source>
        <translation>Mitglieder zeigen</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Raum verlassen</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Alle Nachrichten</translation>
    </message>
    <message>
        <source>Mentions and private messages</source>
        <translation>Erwähnungen und private Nachrichten</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nichts</translation>
    </message>
    <message>
        <source>Notifications…</source>
        <translation>Benachrichtigungen…</translation>
    </message>
    <message>
        <source>Hide members</source>
        <translation>Mitglieder ausblenden</translation>
    </message>
    <message>
        <source>Leave room…</source>
        <translation>Raum verlassen…</translation>
    </message>
    <message>
        <source>Leave #%1?</source>
        <translation>#%1 verlassen?</translation>
    </message>
    <message>
        <source>You stop receiving its messages. You can join it again at any time.</source>
        <translation>Sie erhalten keine Nachrichten mehr aus diesem Raum. Sie können ihm jederzeit wieder beitreten.</translation>
    </message>
    <message>
        <source>Pick a room on the left, or join one.</source>
        <translation>Wählen Sie links einen Raum aus oder treten Sie einem bei.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>abwesend</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>Invite someone…</source>
        <translation>Jemanden einladen…</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Editing message — Enter to save, Esc to cancel</source>
        <translation>Nachricht bearbeiten — Eingabe speichert, Esc bricht ab</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Nachricht an #%1</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Save the edit</source>
        <translation>Änderung speichern</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Antwort auf %1</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>Antwort abbrechen</translation>
    </message>
    <message>
        <source>Too long to send: %1, %2 at most.</source>
        <translation>Zu lang zum Senden: %1, höchstens %2.</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation>Mit einem Server verbinden</translation>
    </message>
</context>
<context>
    <name>ConnectForm</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>chat.example.org</source>
        <translation>chat.example.org</translation>
    </message>
    <message>
        <source>Server host name</source>
        <translation>Hostname des Servers</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Use an encrypted connection (TLS)</source>
        <translation>Verschlüsselte Verbindung verwenden (TLS)</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>The secret your server admin gave you</source>
        <translation>Das Geheimnis, das Sie von Ihrer Serveradministration erhalten haben</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Room to join</source>
        <translation>Raum, dem Sie beitreten</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>InviteSomeoneDialog</name>
    <message>
        <source>Invite someone</source>
        <translation>Jemanden einladen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Your room is closed to the local network. Open it so that people on your network can join?</source>
        <translation>Ihr Raum ist für das lokale Netzwerk geschlossen. Öffnen, damit Personen in Ihrem Netzwerk beitreten können?</translation>
    </message>
    <message>
        <source>Until now only this computer can reach your room. Open it to the local network so that people on your network can join?</source>
        <translation>Bisher erreicht nur dieser Computer Ihren Raum. Für das lokale Netzwerk öffnen, damit Personen in Ihrem Netzwerk beitreten können?</translation>
    </message>
    <message>
        <source>Keep it closed</source>
        <translation>Geschlossen lassen</translation>
    </message>
    <message>
        <source>Open to the network</source>
        <translation>Für das Netzwerk öffnen</translation>
    </message>
    <message>
        <source>Send this link to the person you invite. It works once, for 7 days.</source>
        <translation>Senden Sie diesen Link der Person, die Sie einladen. Er gilt einmal, 7 Tage lang.</translation>
    </message>
    <message>
        <source>Invite link</source>
        <translation>Einladungslink</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>The other person needs Talker installed: opening the link starts it and asks for their name.</source>
        <translation>Die andere Person braucht Talker: Der Link startet es und fragt nach ihrem Namen.</translation>
    </message>
</context>
<context>
    <name>JoinInviteDialog</name>
    <message>
        <source>Join %1 on %2</source>
        <translation>%1 auf %2 beitreten</translation>
    </message>
    <message>
        <source>You were invited to the room %1 on %2. Choose the name others will see.</source>
        <translation>Sie wurden in den Raum %1 auf %2 eingeladen. Wählen Sie den Namen, den andere sehen.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Connect with a token…</source>
        <translation>Mit einem Token verbinden…</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Wird beigetreten…</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
</context>
<context>
    <name>JoinRoomDialog</name>
    <message>
        <source>Join room</source>
        <translation>Raum beitreten</translation>
    </message>
    <message>
        <source>Room name on %1, or a talker:// link</source>
        <translation>Raumname auf %1 oder ein talker://-Link</translation>
    </message>
    <message>
        <source>Room name or talker:// link</source>
        <translation>Raumname oder talker://-Link</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Raumname</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
</context>
<context>
    <name>LocalServerHost</name>
    <message>
        <source>Cannot start the local server: %1</source>
        <translation>Der lokale Server lässt sich nicht starten: %1</translation>
    </message>
    <message>
        <source>Cannot create the local user: %1</source>
        <translation>Der lokale Benutzer lässt sich nicht anlegen: %1</translation>
    </message>
    <message>
        <source>Welcome to your local room! Choose “Invite someone…” to let people on your network join, or connect to a team server from the sidebar.</source>
        <translation>Willkommen in Ihrem lokalen Raum! Wählen Sie „Jemanden einladen…“, damit Personen in Ihrem Netzwerk beitreten, oder verbinden Sie sich über die Seitenleiste mit einem Team-Server.</translation>
    </message>
</context>
<context>
    <name>LocalShareButton</name>
    <message>
        <source>Open to your network</source>
        <translation>Für Ihr Netzwerk offen</translation>
    </message>
    <message>
        <source>LAN</source>
        <comment>badge: this room is open to your local network</comment>
        <translation>LAN</translation>
    </message>
    <message>
        <source>Invite someone…</source>
        <translation>Jemanden einladen…</translation>
    </message>
    <message>
        <source>Invite someone to this room</source>
        <translation>Jemanden in diesen Raum einladen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 — Talker</source>
        <translation>%1 — Talker</translation>
    </message>
    <message>
        <source>Talker</source>
        <translation>Talker</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Members — %1</source>
        <translation>Mitglieder — %1</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>abwesend</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>Send %1 a private message</source>
        <translation>%1 eine private Nachricht senden</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>schreibt…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 um %2: %3</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privat</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>Nachricht gelöscht</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Retract…</source>
        <translation>Zurückziehen…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>In reply to %1</source>
        <translation>Antwort auf %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Original message not loaded</source>
        <translation>Ursprüngliche Nachricht nicht geladen</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>(edited)</source>
        <translation>(bearbeitet)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>No messages with %1 yet. Say hello!</source>
        <translation>Noch keine Nachrichten mit %1. Sagen Sie Hallo!</translation>
    </message>
    <message>
        <source>No messages in #%1 yet. Be the first to write.</source>
        <translation>Noch keine Nachrichten in #%1. Schreiben Sie als Erste oder Erster.</translation>
    </message>
    <message>
        <source>Retract this message?</source>
        <translation>Diese Nachricht zurückziehen?</translation>
    </message>
    <message>
        <source>It is deleted for everyone in the chat.</source>
        <translation>Sie wird für alle im Chat gelöscht.</translation>
    </message>
    <message>
        <source>Retract</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>Jump to latest message</source>
        <translation>Zur neuesten Nachricht springen</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Zur neuesten</translation>
    </message>
    <message>
        <source>Loading older messages…</source>
        <translation>Ältere Nachrichten werden geladen…</translation>
    </message>
    <message>
        <source>This is the beginning of #%1</source>
        <translation>Hier beginnt #%1</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Jump to a room or person…</source>
        <translation>Zu einem Raum oder einer Person springen…</translation>
    </message>
    <message>
        <source>Filter rooms and people</source>
        <translation>Räume und Personen filtern</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Keine Treffer.</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>Search messages…</source>
        <translation>Nachrichten suchen…</translation>
    </message>
    <message>
        <source>Search all messages</source>
        <translation>Alle Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>%1 in %2: %3</source>
        <translation>%1 in %2: %3</translation>
    </message>
    <message>
        <source>Searching the servers…</source>
        <translation>Die Server werden durchsucht…</translation>
    </message>
    <message>
        <source>Type to search all rooms and private chats.</source>
        <translation>Tippen Sie, um alle Räume und privaten Chats zu durchsuchen.</translation>
    </message>
    <message>
        <source>No messages match “%1”.</source>
        <translation>Keine Nachricht passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>SendCheck</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Byte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>Too long to send: %1, %2 at most.</source>
        <translation>Zu lang zum Senden: %1, höchstens %2.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Close to tray</source>
        <translation>Beim Schließen in den Infobereich</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>Im Infobereich weiterlaufen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <source>Start minimized</source>
        <translation>Minimiert starten</translation>
    </message>
    <message>
        <source>Talker %1</source>
        <translation>Talker %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Manage accounts…</source>
        <translation>Konten verwalten…</translation>
    </message>
    <message>
        <source>Local room open to the network</source>
        <translation>Lokaler Raum für das Netzwerk offen</translation>
    </message>
    <message>
        <source>Let people on the local network join your local room</source>
        <translation>Personen im lokalen Netzwerk dürfen Ihrem lokalen Raum beitreten</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>%1, %2 unread</source>
        <translation>%1, %2 ungelesen</translation>
    </message>
    <message>
        <source>Talker</source>
        <translation>Talker</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Join room…</source>
        <translation>Raum beitreten…</translation>
    </message>
    <message>
        <source>Connect to a server…</source>
        <translation>Mit einem Server verbinden…</translation>
    </message>
    <message>
        <source>Hosting a local room</source>
        <translation>Lokaler Raum läuft</translation>
    </message>
    <message>
        <source>Host a local room</source>
        <translation>Lokalen Raum anbieten</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Search rooms</source>
        <translation>Räume suchen</translation>
    </message>
    <message>
        <source>Quick switcher (Ctrl+K)</source>
        <translation>Schnellwechsel (Strg+K)</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Strg+K</translation>
    </message>
    <message>
        <source>ROOMS</source>
        <translation>RÄUME</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>+ Join room…</source>
        <translation>+ Raum beitreten…</translation>
    </message>
    <message>
        <source>Join room</source>
        <translation>Raum beitreten</translation>
    </message>
    <message>
        <source>PRIVATE</source>
        <translation>PRIVAT</translation>
    </message>
    <message>
        <source>Private conversations</source>
        <translation>Private Unterhaltungen</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>presence unknown</source>
        <translation>Anwesenheit unbekannt</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>abwesend</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to Talker</source>
        <translation>Willkommen bei Talker</translation>
    </message>
    <message>
        <source>Rooms, private messages and presence for small teams.</source>
        <translation>Räume, private Nachrichten und Anwesenheit für kleine Teams.</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Mit einem Server verbinden</translation>
    </message>
    <message>
        <source>Host a local room</source>
        <translation>Lokalen Raum anbieten</translation>
    </message>
    <message>
        <source>Start a Talker server inside the app, on this computer only, with a demo room. Nothing to set up.</source>
        <translation>Startet einen Talker-Server in der App, nur auf diesem Computer, mit einem Demo-Raum. Nichts einzurichten.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Talker: chat rooms, private messages and presence for small teams.</source>
        <translation>Talker: Chaträume, private Nachrichten und Anwesenheit für kleine Teams.</translation>
    </message>
    <message>
        <source>Join the room of LINK without dialogs.</source>
        <translation>Dem Raum von LINK ohne Dialoge beitreten.</translation>
    </message>
    <message>
        <source>Read the account token from FILE (with --connect).</source>
        <translation>Das Konto-Token aus DATEI lesen (mit --connect).</translation>
    </message>
    <message>
        <source>Keep settings, cache and fallback tokens in DIR.</source>
        <translation>Einstellungen, Zwischenspeicher und Ersatz-Tokens in VERZ ablegen.</translation>
    </message>
    <message>
        <source>Host a local room: start a server inside the app on 127.0.0.1.</source>
        <translation>Einen lokalen Raum anbieten: einen Server in der App auf 127.0.0.1 starten.</translation>
    </message>
    <message>
        <source>Use plain TCP with --connect, even to remote hosts.</source>
        <translation>Mit --connect unverschlüsseltes TCP verwenden, auch zu entfernten Hosts.</translation>
    </message>
    <message>
        <source>A talker://HOST[:PORT]/ROOM link to open.</source>
        <translation>Ein zu öffnender talker://HOST[:PORT]/RAUM-Link.</translation>
    </message>
    <message>
        <source>Too many arguments: %1</source>
        <translation>Zu viele Argumente: %1</translation>
    </message>
    <message>
        <source>Give either --connect or a link, not both.</source>
        <translation>Geben Sie entweder --connect oder einen Link an, nicht beides.</translation>
    </message>
    <message>
        <source>Give either --host-local or a link, not both.</source>
        <translation>Geben Sie entweder --host-local oder einen Link an, nicht beides.</translation>
    </message>
    <message>
        <source>--token-file needs --connect.</source>
        <translation>--token-file braucht --connect.</translation>
    </message>
    <message>
        <source>Cannot read the token file %1</source>
        <translation>Die Token-Datei %1 lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>Die Token-Datei %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>The token file %1 is empty.</source>
        <translation>Die Token-Datei %1 ist leer.</translation>
    </message>
</context>
<context>
    <name>talker::app::AccountsController</name>
    <message>
        <source>Enter the new token.</source>
        <translation>Geben Sie das neue Token ein.</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The server closed the connection</source>
        <translation>Der Server hat die Verbindung geschlossen</translation>
    </message>
</context>
<context>
    <name>talker::app::AppSettings</name>
    <message>
        <source>Your settings file was damaged; it was set aside as %1 and defaults are used.</source>
        <translation>Ihre Einstellungsdatei war beschädigt; sie wurde als %1 beiseitegelegt, und es gelten die Voreinstellungen.</translation>
    </message>
</context>
<context>
    <name>talker::app::ChatController</name>
    <message>
        <source>%1 isn&apos;t in any room you share now, so a message can&apos;t reach them.</source>
        <translation>%1 ist gerade in keinem gemeinsamen Raum, eine Nachricht kann sie nicht erreichen.</translation>
    </message>
    <message>
        <source>#%1 has never connected (%2): nothing can be sent into it until it does.</source>
        <translation>#%1 war noch nie verbunden (%2): Bis dahin kann nichts hineingesendet werden.</translation>
    </message>
</context>
<context>
    <name>talker::app::ChatManager</name>
    <message>
        <source>Authentication failed: check the token of %1.</source>
        <translation>Anmeldung fehlgeschlagen: Prüfen Sie das Token für %1.</translation>
    </message>
    <message>
        <source>Join a room this person is in to write to them.</source>
        <translation>Treten Sie einem Raum bei, in dem diese Person ist, um ihr zu schreiben.</translation>
    </message>
    <message>
        <source>Next retry at %1.</source>
        <translation>Nächster Versuch um %1.</translation>
    </message>
    <message>
        <source>Cannot reach this room: %1. Nothing can be sent until it connects. %2</source>
        <translation>Dieser Raum ist nicht erreichbar: %1. Bis er verbunden ist, kann nichts gesendet werden. %2</translation>
    </message>
    <message>
        <source>Offline. %1</source>
        <translation>Offline. %1</translation>
    </message>
    <message>
        <source>Offline: %1. %2</source>
        <translation>Offline: %1. %2</translation>
    </message>
</context>
<context>
    <name>talker::app::Connector</name>
    <message>
        <source>Cannot save the trusted certificate: %1</source>
        <translation>Das vertrauenswürdige Zertifikat lässt sich nicht speichern: %1</translation>
    </message>
    <message>
        <source>No token for %1: %2</source>
        <translation>Kein Token für %1: %2</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Waiting for the system keychain, which holds your account tokens — unlock it if it asks.</source>
        <translation>Warten auf den Schlüsselbund des Systems, der die Tokens Ihrer Konten verwahrt – entsperren Sie ihn, falls er danach fragt.</translation>
    </message>
    <message>
        <source>To open %1, first connect to %2:%3 with your token.</source>
        <translation>Um %1 zu öffnen, verbinden Sie sich zuerst mit Ihrem Token mit %2:%3.</translation>
    </message>
    <message>
        <source>Refused %1:%2: it presents another certificate (%3) than the one you trusted (%4). If the server&apos;s certificate was changed on purpose, remove and add the account again.</source>
        <translation>%1:%2 abgelehnt: Der Server legt ein anderes Zertifikat (%3) vor als das, dem Sie vertraut haben (%4). Wurde das Zertifikat absichtlich geändert, entfernen Sie das Konto und fügen Sie es neu hinzu.</translation>
    </message>
    <message>
        <source>No keychain is available, so your token is kept in a file only you can read (%1). It moves into the keychain when one is available.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher liegt Ihr Token in einer Datei, die nur Sie lesen können (%1). Es zieht in den Schlüsselbund um, sobald einer verfügbar ist.</translation>
    </message>
    <message>
        <source>Enter your token.</source>
        <translation>Geben Sie Ihr Token ein.</translation>
    </message>
</context>
<context>
    <name>talker::app::Controller</name>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>talker::app::DBusNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>talker::app::InviteController</name>
    <message>
        <source>Choose another name: %1.</source>
        <translation>Wählen Sie einen anderen Namen: %1.</translation>
    </message>
    <message>
        <source>This invite was already used, has expired or was revoked. Ask for a new one, or connect with a token.</source>
        <translation>Diese Einladung wurde schon benutzt, ist abgelaufen oder wurde widerrufen. Bitten Sie um eine neue oder verbinden Sie sich mit einem Token.</translation>
    </message>
    <message>
        <source>Someone on %1 already uses the name %2. Choose another one.</source>
        <translation>Auf %1 verwendet schon jemand den Namen %2. Wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>The server refuses the name %1. Choose another one.</source>
        <translation>Der Server lehnt den Namen %1 ab. Wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>Cannot reach %1:%2: %3</source>
        <translation>%1:%2 ist nicht erreichbar: %3</translation>
    </message>
</context>
<context>
    <name>talker::app::LocalShareController</name>
    <message>
        <source>Cannot create an invite: %1</source>
        <translation>Die Einladung lässt sich nicht erstellen: %1</translation>
    </message>
</context>
<context>
    <name>talker::app::MessageFormatter</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
</context>
<context>
    <name>talker::app::NotificationController</name>
    <message>
        <source>%1 (private)</source>
        <translation>%1 (privat)</translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation>%1 hat Sie in %2 erwähnt</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>talker::app::TalkerLink</name>
    <message>
        <source>The link is empty.</source>
        <translation>Der Link ist leer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Talker link: it must start with talker://</source>
        <translation>„%1“ ist kein Talker-Link: Er muss mit talker:// beginnen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid link: %2</source>
        <translation>„%1“ ist kein gültiger Link: %2</translation>
    </message>
    <message>
        <source>The link &quot;%1&quot; names no server: use talker://HOST[:PORT]/ROOM</source>
        <translation>Der Link „%1“ nennt keinen Server: Verwenden Sie talker://HOST[:PORT]/RAUM</translation>
    </message>
    <message>
        <source>The link &quot;%1&quot; must not carry a user name or password</source>
        <translation>Der Link „%1“ darf keinen Benutzernamen und kein Passwort enthalten</translation>
    </message>
    <message>
        <source>The link &quot;%1&quot; has an invalid port</source>
        <translation>Der Link „%1“ hat einen ungültigen Port</translation>
    </message>
    <message>
        <source>The link &quot;%1&quot; names no room: use talker://HOST[:PORT]/ROOM</source>
        <translation>Der Link „%1“ nennt keinen Raum: Verwenden Sie talker://HOST[:PORT]/RAUM</translation>
    </message>
    <message>
        <source>The room name in &quot;%1&quot; must not contain &quot;/&quot;</source>
        <translation>Der Raumname in „%1“ darf kein „/“ enthalten</translation>
    </message>
    <message>
        <source>The link &quot;%1&quot; names an invalid server: %2</source>
        <translation>Der Link „%1“ nennt einen ungültigen Server: %2</translation>
    </message>
</context>
<context>
    <name>talker::app::TokenStore</name>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>Der Schlüsselbund ließ sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>No token is stored for this account.</source>
        <translation>Für dieses Konto ist kein Token gespeichert.</translation>
    </message>
    <message>
        <source>The keychain did not take the token (%1); it is kept for this session only.</source>
        <translation>Der Schlüsselbund hat das Token nicht angenommen (%1); es bleibt nur für diese Sitzung erhalten.</translation>
    </message>
    <message>
        <source>Cannot save the token: %1</source>
        <translation>Das Token lässt sich nicht speichern: %1</translation>
    </message>
    <message>
        <source>Cannot save the token file %1</source>
        <translation>Die Token-Datei %1 lässt sich nicht speichern</translation>
    </message>
</context>
<context>
    <name>talker::app::TrayController</name>
    <message>
        <source>Show Talker</source>
        <translation>Talker zeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Talker</source>
        <translation>Talker</translation>
    </message>
    <message numerus="yes">
        <source>Talker: %n unread</source>
        <translation>
            <numerusform>Talker: %n ungelesen</numerusform>
            <numerusform>Talker: %n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>talker::app::connectinput</name>
    <message>
        <source>&quot;%1&quot; is not a valid IPv6 address.</source>
        <translation>„%1“ ist keine gültige IPv6-Adresse.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv4 address.</source>
        <translation>„%1“ ist keine gültige IPv4-Adresse.</translation>
    </message>
    <message>
        <source>The host name is too long.</source>
        <translation>Der Hostname ist zu lang.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name.</source>
        <translation>„%1“ ist kein gültiger Hostname.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>Geben Sie den Hostnamen oder die Adresse des Servers ein.</translation>
    </message>
    <message>
        <source>Enter only the host name, not a web address; or paste a talker:// link.</source>
        <translation>Geben Sie nur den Hostnamen ein, keine Webadresse, oder fügen Sie einen talker://-Link ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: use HOST, HOST:PORT or [IPv6]:PORT, several separated by commas.</source>
        <translation>„%1“ ist keine gültige Adresse: Verwenden Sie HOST, HOST:PORT oder [IPv6]:PORT, mehrere durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535.</source>
        <translation>Der Port ist eine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>Enter the room to join.</source>
        <translation>Geben Sie den Raum ein, dem Sie beitreten.</translation>
    </message>
    <message>
        <source>A room name is at most 256 characters.</source>
        <translation>Ein Raumname hat höchstens 256 Zeichen.</translation>
    </message>
    <message>
        <source>A room name cannot contain &quot;/&quot;.</source>
        <translation>Ein Raumname darf kein „/“ enthalten.</translation>
    </message>
    <message>
        <source>A room name cannot contain control or invisible characters.</source>
        <translation>Ein Raumname darf keine Steuer- oder unsichtbaren Zeichen enthalten.</translation>
    </message>
</context>
<context>
    <name>talker::client</name>
    <message>
        <source>They aren&apos;t in #%1</source>
        <translation>Die Person ist nicht in #%1</translation>
    </message>
    <message>
        <source>%1 isn&apos;t in #%2</source>
        <translation>%1 ist nicht in #%2</translation>
    </message>
    <message>
        <source>Someone else&apos;s message has this id</source>
        <translation>Eine Nachricht von jemand anderem hat diese ID</translation>
    </message>
    <message>
        <source>The server refused its id</source>
        <translation>Der Server hat ihre ID abgelehnt</translation>
    </message>
    <message>
        <source>No valid recipient</source>
        <translation>Kein gültiger Empfänger</translation>
    </message>
    <message>
        <source>The server refused its content (%1)</source>
        <translation>Der Server hat ihren Inhalt abgelehnt (%1)</translation>
    </message>
    <message>
        <source>Too long for the server</source>
        <translation>Zu lang für den Server</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message numerus="yes">
        <source>Not confirmed after %n tries</source>
        <translation>
            <numerusform>Nach %n Versuch nicht bestätigt</numerusform>
            <numerusform>Nach %n Versuchen nicht bestätigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>talker::client::Account</name>
    <message>
        <source>Authentication failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>Kein Token</translation>
    </message>
    <message>
        <source>No rooms</source>
        <translation>Keine Räume</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
</context>
<context>
    <name>talker::client::AccountRegistry</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>The account list was damaged and was moved to %1</source>
        <translation>Die Kontenliste war beschädigt und wurde nach %1 verschoben</translation>
    </message>
</context>
<context>
    <name>talker::client::Chat</name>
    <message>
        <source>message deleted</source>
        <translation>Nachricht gelöscht</translation>
    </message>
</context>
<context>
    <name>talker::client::Conversation</name>
    <message>
        <source>You: %1</source>
        <translation>Sie: %1</translation>
    </message>
</context>
<context>
    <name>talker::client::InviteRedemption</name>
    <message>
        <source>The server did not answer in time</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
</context>
<context>
    <name>talker::client::Room</name>
    <message>
        <source>%1 is typing: %2</source>
        <translation>%1 schreibt: %2</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Mehrere Personen schreiben…</translation>
    </message>
</context>
<context>
    <name>talker::client::Session</name>
    <message>
        <source>No answer from the server</source>
        <translation>Keine Antwort vom Server</translation>
    </message>
    <message>
        <source>The server did not answer in time</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>Getrennt: %1</translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation>Verbinde mit %1:%2…</translation>
    </message>
    <message>
        <source>Joining %1…</source>
        <translation>Trete %1 bei…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Offline (%1), retrying at %2</source>
        <translation>Offline (%1), neuer Versuch um %2</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>Kein Token</translation>
    </message>
    <message>
        <source>Connection closed by the server</source>
        <translation>Verbindung vom Server geschlossen</translation>
    </message>
</context>
</TS>
