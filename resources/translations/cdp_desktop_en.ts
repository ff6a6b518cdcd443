<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>  {key} = {value}  (unchanged)</source>
            <translation>  {key} = {value}  (unchanged)</translation>
        </message>
        <message>
            <source>  {key} = {value}  (was: {old})</source>
            <translation>  {key} = {value}  (was: {old})</translation>
        </message>
        <message>
            <source>(system: {zone})</source>
            <translation>(system: {zone})</translation>
        </message>
        <message>
            <source>--days must be a whole number of days from 1 to {max}, not {value!r}; e.g. --days 30</source>
            <translation>--days must be a whole number of days from 1 to {max}, not {value!r}; e.g. --days 30</translation>
        </message>
        <message>
            <source>A missed keep-alive is due and runs as soon as the app or daemon is running.</source>
            <translation>A missed keep-alive is due and runs as soon as the app or daemon is running.</translation>
        </message>
        <message>
            <source>A token is set (from {env}) and is shaped like a bot token.</source>
            <translation>A token is set (from {env}) and is shaped like a bot token.</translation>
        </message>
        <message>
            <source>A token is set ({backend}) and is shaped like a bot token.</source>
            <translation>A token is set ({backend}) and is shaped like a bot token.</translation>
        </message>
        <message>
            <source>ACTION</source>
            <translation>ACTION</translation>
        </message>
        <message>
            <source>Added: {line}</source>
            <translation>Added: {line}</translation>
        </message>
        <message>
            <source>BOT_TOKEN ({where}) was not read; run again with --token to store it in the system keyring.</source>
            <translation>BOT_TOKEN ({where}) was not read; run again with --token to store it in the system keyring.</translation>
        </message>
        <message>
            <source>Bot token (input is hidden): </source>
            <translation>Bot token (input is hidden): </translation>
        </message>
        <message>
            <source>CDP endpoint: {state} ({detail}), checked {when}</source>
            <translation>CDP endpoint: {state} ({detail}), checked {when}</translation>
        </message>
        <message>
            <source>CDP endpoint: {url} not checked yet (it is checked after each keep-alive run)</source>
            <translation>CDP endpoint: {url} not checked yet (it is checked after each keep-alive run)</translation>
        </message>
        <message>
            <source>CDP folder, docker-compose.yml, .env or bot_config.json</source>
            <translation>CDP folder, docker-compose.yml, .env or bot_config.json</translation>
        </message>
        <message>
            <source>COMMAND</source>
            <translation>COMMAND</translation>
        </message>
        <message>
            <source>Channel ID: {0}</source>
            <translation>Channel ID: {0}</translation>
        </message>
        <message>
            <source>Channel details — {0}</source>
            <translation>Channel details — {0}</translation>
        </message>
        <message>
            <source>Channels: {total} configured, {enabled} enabled</source>
            <translation>Channels: {total} configured, {enabled} enabled</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Configuration: {path}</source>
            <translation>Configuration: {path}</translation>
        </message>
        <message>
            <source>Connecting to Discord…</source>
            <translation>Connecting to Discord…</translation>
        </message>
        <message>
            <source>Current state</source>
            <translation>Current state</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Disabled {label}.</source>
            <translation>Disabled {label}.</translation>
        </message>
        <message>
            <source>Discord error code {0}</source>
            <translation>Discord error code {0}</translation>
        </message>
        <message>
            <source>Dry run: nothing was changed. An import would add {count} channel(s) and set: {settings}.</source>
            <translation>Dry run: nothing was changed. An import would add {count} channel(s) and set: {settings}.</translation>
        </message>
        <message>
            <source>Earlier that day: {0}</source>
            <translation>Earlier that day: {0}</translation>
        </message>
        <message>
            <source>Enabled {label}.</source>
            <translation>Enabled {label}.</translation>
        </message>
        <message>
            <source>Icons: {path}</source>
            <translation>Icons: {path}</translation>
        </message>
        <message>
            <source>Imported: {count} channel(s) added; settings set: {settings}.</source>
            <translation>Imported: {count} channel(s) added; settings set: {settings}.</translation>
        </message>
        <message>
            <source>Keep-alive delivered on {0} of the last {1} days.</source>
            <translation>Keep-alive delivered on {0} of the last {1} days.</translation>
        </message>
        <message>
            <source>Keeps Discord bots alive with a verified daily message, from the system tray.</source>
            <translation>Keeps Discord bots alive with a verified daily message, from the system tray.</translation>
        </message>
        <message>
            <source>Last error: {0} {1}</source>
            <translation>Last error: {0} {1}</translation>
        </message>
        <message>
            <source>Last success: {0}</source>
            <translation>Last success: {0}</translation>
        </message>
        <message>
            <source>Last {0} days</source>
            <translation>Last {0} days</translation>
        </message>
        <message>
            <source>Menu entry: {path}</source>
            <translation>Menu entry: {path}</translation>
        </message>
        <message>
            <source>Message ID: {0}</source>
            <translation>Message ID: {0}</translation>
        </message>
        <message>
            <source>Next run: {when}</source>
            <translation>Next run: {when}</translation>
        </message>
        <message>
            <source>No channels configured.</source>
            <translation>No channels configured.</translation>
        </message>
        <message>
            <source>No channels configured. Add one with: {prog} channels add --guild G --channel C</source>
            <translation>No channels configured. Add one with: {prog} channels add --guild G --channel C</translation>
        </message>
        <message>
            <source>No channels found.</source>
            <translation>No channels found.</translation>
        </message>
        <message>
            <source>No history for this channel yet.</source>
            <translation>No history for this channel yet.</translation>
        </message>
        <message>
            <source>No reply times in the last {0} days.</source>
            <translation>No reply times in the last {0} days.</translation>
        </message>
        <message>
            <source>No runs recorded for this channel in the last {0} days.</source>
            <translation>No runs recorded for this channel in the last {0} days.</translation>
        </message>
        <message>
            <source>Note: this is not the installation you are running now; `enable` points it here.</source>
            <translation>Note: this is not the installation you are running now; `enable` points it here.</translation>
        </message>
        <message>
            <source>Nothing to do: every enabled channel is done for {slot} (use --force to send again).</source>
            <translation>Nothing to do: every enabled channel is done for {slot} (use --force to send again).</translation>
        </message>
        <message>
            <source>PROXY_SECRET ({where}) was not read; run again with --secret (or use `cdp-desktop cdp-secret set`) for the CDP endpoint check.</source>
            <translation>PROXY_SECRET ({where}) was not read; run again with --secret (or use `cdp-desktop cdp-secret set`) for the CDP endpoint check.</translation>
        </message>
        <message>
            <source>Paused: no keep-alive messages are sent until you resume.</source>
            <translation>Paused: no keep-alive messages are sent until you resume.</translation>
        </message>
        <message>
            <source>Read: {files}</source>
            <translation>Read: {files}</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>Recorded</translation>
        </message>
        <message>
            <source>Removed {count} file(s): menu entry, icons and the systemd unit this command wrote.</source>
            <translation>Removed {count} file(s): menu entry, icons and the systemd unit this command wrote.</translation>
        </message>
        <message>
            <source>Removed {label} from the configuration (nothing was deleted on Discord).</source>
            <translation>Removed {label} from the configuration (nothing was deleted on Discord).</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>Reply</translation>
        </message>
        <message>
            <source>Reply after {0:.1f} s</source>
            <translation>Reply after {0:.1f} s</translation>
        </message>
        <message>
            <source>Reply time, last {0} days</source>
            <translation>Reply time, last {0} days</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Runs of this channel</source>
            <translation>Runs of this channel</translation>
        </message>
        <message>
            <source>Schedule: every day at {time} ({zone}), random delay up to {jitter} s, catch-up off</source>
            <translation>Schedule: every day at {time} ({zone}), random delay up to {jitter} s, catch-up off</translation>
        </message>
        <message>
            <source>Schedule: every day at {time} ({zone}), random delay up to {jitter} s, catch-up on</source>
            <translation>Schedule: every day at {time} ({zone}), random delay up to {jitter} s, catch-up on</translation>
        </message>
        <message>
            <source>Sent at {0}</source>
            <translation>Sent at {0}</translation>
        </message>
        <message>
            <source>Server ID: {0}</source>
            <translation>Server ID: {0}</translation>
        </message>
        <message>
            <source>Set COZE_BOT_STAY_ACTIVE_ENABLE=0 in coze-discord-proxy's environment and restart it: CDP Desktop keeps the bots alive now, and two keep-alives a day are noise.</source>
            <translation>Set COZE_BOT_STAY_ACTIVE_ENABLE=0 in coze-discord-proxy's environment and restart it: CDP Desktop keeps the bots alive now, and two keep-alives a day are noise.</translation>
        </message>
        <message>
            <source>Start at login: off</source>
            <translation>Start at login: off</translation>
        </message>
        <message>
            <source>Start at login: off ({location}: {note})</source>
            <translation>Start at login: off ({location}: {note})</translation>
        </message>
        <message>
            <source>Start at login: on ({location})</source>
            <translation>Start at login: on ({location})</translation>
        </message>
        <message>
            <source>Start it with: systemctl --user daemon-reload &amp;&amp; systemctl --user enable --now cdp-desktop</source>
            <translation>Start it with: systemctl --user daemon-reload &amp;&amp; systemctl --user enable --now cdp-desktop</translation>
        </message>
        <message>
            <source>Starts: {command}</source>
            <translation>Starts: {command}</translation>
        </message>
        <message>
            <source>Store the bot token found in {where} in the system keyring?</source>
            <translation>Store the bot token found in {where} in the system keyring?</translation>
        </message>
        <message>
            <source>Store the proxy secret found in {where} in the system keyring (for the endpoint check)?</source>
            <translation>Store the proxy secret found in {where} in the system keyring (for the endpoint check)?</translation>
        </message>
        <message>
            <source>The bot token from {where} is stored in the system keyring.</source>
            <translation>The bot token from {where} is stored in the system keyring.</translation>
        </message>
        <message>
            <source>The proxy secret from {where} is stored in the system keyring.</source>
            <translation>The proxy secret from {where} is stored in the system keyring.</translation>
        </message>
        <message>
            <source>Token OK: logged in as {name} ({id}).</source>
            <translation>Token OK: logged in as {name} ({id}).</translation>
        </message>
        <message>
            <source>USER_AUTHORIZATION ({where}) was not read and is not stored: it is a Discord user-account token, and sending messages as a user is against Discord's terms. CDP Desktop posts with the bot token.</source>
            <translation>USER_AUTHORIZATION ({where}) was not read and is not stored: it is a Discord user-account token, and sending messages as a user is against Discord's terms. CDP Desktop posts with the bot token.</translation>
        </message>
        <message>
            <source>a file</source>
            <translation>a file</translation>
        </message>
        <message>
            <source>add a channel</source>
            <translation>add a channel</translation>
        </message>
        <message>
            <source>add the app to your applications menu (Linux: desktop entry and icons for this user)</source>
            <translation>add the app to your applications menu (Linux: desktop entry and icons for this user)</translation>
        </message>
        <message>
            <source>already configured</source>
            <translation>already configured</translation>
        </message>
        <message>
            <source>also store BOT_TOKEN in the system keyring (never in a file)</source>
            <translation>also store BOT_TOKEN in the system keyring (never in a file)</translation>
        </message>
        <message>
            <source>also store PROXY_SECRET in the system keyring, for the CDP endpoint check</source>
            <translation>also store PROXY_SECRET in the system keyring, for the CDP endpoint check</translation>
        </message>
        <message>
            <source>also write a systemd user unit for `cdp-desktop daemon`</source>
            <translation>also write a systemd user unit for `cdp-desktop daemon`</translation>
        </message>
        <message>
            <source>another CDP Desktop is already running for this home (process {pid}); stop it first, or give this one its own --home</source>
            <translation>another CDP Desktop is already running for this home (process {pid}); stop it first, or give this one its own --home</translation>
        </message>
        <message>
            <source>another CDP Desktop is already running for this home; stop it first, or give this one its own --home</source>
            <translation>another CDP Desktop is already running for this home; stop it first, or give this one its own --home</translation>
        </message>
        <message>
            <source>app not running</source>
            <translation>app not running</translation>
        </message>
        <message>
            <source>bot token the sandbox accepts (default: a demo token)</source>
            <translation>bot token the sandbox accepts (default: a demo token)</translation>
        </message>
        <message>
            <source>cannot change start at login: {problem}</source>
            <translation>cannot change start at login: {problem}</translation>
        </message>
        <message>
            <source>cannot create the folder {path} ({problem}); pass --home DIR</source>
            <translation>cannot create the folder {path} ({problem}); pass --home DIR</translation>
        </message>
        <message>
            <source>cannot use the app folder: {problem}; pass --home DIR</source>
            <translation>cannot use the app folder: {problem}; pass --home DIR</translation>
        </message>
        <message>
            <source>cannot write the desktop entry: {problem} ({path})</source>
            <translation>cannot write the desktop entry: {problem} ({path})</translation>
        </message>
        <message>
            <source>category ID</source>
            <translation>category ID</translation>
        </message>
        <message>
            <source>category {category}</source>
            <translation>category {category}</translation>
        </message>
        <message>
            <source>change one setting (an empty VALUE resets optional ones)</source>
            <translation>change one setting (an empty VALUE resets optional ones)</translation>
        </message>
        <message>
            <source>channel ID</source>
            <translation>channel ID</translation>
        </message>
        <message>
            <source>channel missing</source>
            <translation>channel missing</translation>
        </message>
        <message>
            <source>channel name (used to recreate it if it is deleted)</source>
            <translation>channel name (used to recreate it if it is deleted)</translation>
        </message>
        <message>
            <source>check the stored token by logging in to Discord</source>
            <translation>check the stored token by logging in to Discord</translation>
        </message>
        <message>
            <source>could not verify the channels with Discord ({problem}); they are imported as read</source>
            <translation>could not verify the channels with Discord ({problem}); they are imported as read</translation>
        </message>
        <message>
            <source>coze-discord-proxy PROXY_SECRET (input is hidden): </source>
            <translation>coze-discord-proxy PROXY_SECRET (input is hidden): </translation>
        </message>
        <message>
            <source>coze-discord-proxy's PROXY_SECRET in the system keyring</source>
            <translation>coze-discord-proxy's PROXY_SECRET in the system keyring</translation>
        </message>
        <message>
            <source>create a temporary channel for each run instead</source>
            <translation>create a temporary channel for each run instead</translation>
        </message>
        <message>
            <source>do not look the channel up on Discord (offline use)</source>
            <translation>do not look the channel up on Discord (offline use)</translation>
        </message>
        <message>
            <source>do not look the channels up on Discord (offline use)</source>
            <translation>do not look the channels up on Discord (offline use)</translation>
        </message>
        <message>
            <source>do not start the app when you log in</source>
            <translation>do not start the app when you log in</translation>
        </message>
        <message>
            <source>error {error}</source>
            <translation>error {error}</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>failed</translation>
        </message>
        <message>
            <source>guild {guild}</source>
            <translation>guild {guild}</translation>
        </message>
        <message>
            <source>import channels, proxy and time zone from a coze-discord-proxy setup</source>
            <translation>import channels, proxy and time zone from a coze-discord-proxy setup</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>interrupted</translation>
        </message>
        <message>
            <source>keep configuration, history and logs in DIR (env {env})</source>
            <translation>keep configuration, history and logs in DIR (env {env})</translation>
        </message>
        <message>
            <source>list and edit the channels that get keep-alive messages</source>
            <translation>list and edit the channels that get keep-alive messages</translation>
        </message>
        <message>
            <source>mentions &lt;@{bot}&gt;</source>
            <translation>mentions &lt;@{bot}&gt;</translation>
        </message>
        <message>
            <source>menu entries are written for Linux desktops only; {system} finds the app by itself</source>
            <translation>menu entries are written for Linux desktops only; {system} finds the app by itself</translation>
        </message>
        <message>
            <source>models: {models}, {ms} ms</source>
            <translation>models: {models}, {ms} ms</translation>
        </message>
        <message>
            <source>more output on stderr (-vv: debug)</source>
            <translation>more output on stderr (-vv: debug)</translation>
        </message>
        <message>
            <source>no bot token is set, so the channel was not verified with Discord</source>
            <translation>no bot token is set, so the channel was not verified with Discord</translation>
        </message>
        <message>
            <source>no bot token is set, so the channels were not verified with Discord</source>
            <translation>no bot token is set, so the channels were not verified with Discord</translation>
        </message>
        <message>
            <source>no bot token is set; run `cdp-desktop token set`</source>
            <translation>no bot token is set; run `cdp-desktop token set`</translation>
        </message>
        <message>
            <source>no secret given; pipe it to `cdp-desktop cdp-secret set` or run it in a terminal</source>
            <translation>no secret given; pipe it to `cdp-desktop cdp-secret set` or run it in a terminal</translation>
        </message>
        <message>
            <source>no target bot given: this channel's keep-alive pings no bot, so it keeps none active. Add one with --mention BOT, or pass --no-mention to say this is intended.</source>
            <translation>no target bot given: this channel's keep-alive pings no bot, so it keeps none active. Add one with --mention BOT, or pass --no-mention to say this is intended.</translation>
        </message>
        <message>
            <source>no token given; pipe it to `{prog} token set` or run it in a terminal</source>
            <translation>no token given; pipe it to `{prog} token set` or run it in a terminal</translation>
        </message>
        <message>
            <source>not configured yet</source>
            <translation>not configured yet</translation>
        </message>
        <message>
            <source>not run</source>
            <translation>not run</translation>
        </message>
        <message>
            <source>not yet</source>
            <translation>not yet</translation>
        </message>
        <message>
            <source>note: could not verify the channel with Discord ({problem}); added as typed</source>
            <translation>note: could not verify the channel with Discord ({problem}); added as typed</translation>
        </message>
        <message>
            <source>note: {text}</source>
            <translation>note: {text}</translation>
        </message>
        <message>
            <source>off</source>
            <translation>off</translation>
        </message>
        <message>
            <source>on </source>
            <translation>on </translation>
        </message>
        <message>
            <source>one row per channel and day: outcome, sent time, reply time, message ID, error</source>
            <translation>one row per channel and day: outcome, sent time, reply time, message ID, error</translation>
        </message>
        <message>
            <source>only check that a token is stored and shaped right</source>
            <translation>only check that a token is stored and shaped right</translation>
        </message>
        <message>
            <source>only this channel (channel ID or uid)</source>
            <translation>only this channel (channel ID or uid)</translation>
        </message>
        <message>
            <source>port on 127.0.0.1 (default: any)</source>
            <translation>port on 127.0.0.1 (default: any)</translation>
        </message>
        <message>
            <source>print CSV with a header row</source>
            <translation>print CSV with a header row</translation>
        </message>
        <message>
            <source>print all settings</source>
            <translation>print all settings</translation>
        </message>
        <message>
            <source>print one JSON document</source>
            <translation>print one JSON document</translation>
        </message>
        <message>
            <source>print one setting</source>
            <translation>print one setting</translation>
        </message>
        <message>
            <source>recreate configured channels deleted on Discord</source>
            <translation>recreate configured channels deleted on Discord</translation>
        </message>
        <message>
            <source>recreated</source>
            <translation>recreated</translation>
        </message>
        <message>
            <source>remove a channel from the configuration (never deletes it on Discord)</source>
            <translation>remove a channel from the configuration (never deletes it on Discord)</translation>
        </message>
        <message>
            <source>remove the proxy secret from the keyring</source>
            <translation>remove the proxy secret from the keyring</translation>
        </message>
        <message>
            <source>remove the token from the keyring</source>
            <translation>remove the token from the keyring</translation>
        </message>
        <message>
            <source>remove what this command installed</source>
            <translation>remove what this command installed</translation>
        </message>
        <message>
            <source>replied</source>
            <translation>replied</translation>
        </message>
        <message>
            <source>reply {seconds:.1f} s</source>
            <translation>reply {seconds:.1f} s</translation>
        </message>
        <message>
            <source>run the local Discord sandbox and print its API base</source>
            <translation>run the local Discord sandbox and print its API base</translation>
        </message>
        <message>
            <source>run the scheduler without a window (servers)</source>
            <translation>run the scheduler without a window (servers)</translation>
        </message>
        <message>
            <source>say whether the app starts at login, and from which file or registry value</source>
            <translation>say whether the app starts at login, and from which file or registry value</translation>
        </message>
        <message>
            <source>send even to channels already done today</source>
            <translation>send even to channels already done today</translation>
        </message>
        <message>
            <source>send keep-alive messages to a channel again</source>
            <translation>send keep-alive messages to a channel again</translation>
        </message>
        <message>
            <source>send the keep-alive now</source>
            <translation>send the keep-alive now</translation>
        </message>
        <message>
            <source>send without mentioning a bot (no bot is pinged, so none is kept active)</source>
            <translation>send without mentioning a bot (no bot is pinged, so none is kept active)</translation>
        </message>
        <message>
            <source>sent by another machine</source>
            <translation>sent by another machine</translation>
        </message>
        <message>
            <source>sent by another machine at {time}</source>
            <translation>sent by another machine at {time}</translation>
        </message>
        <message>
            <source>sent {time}</source>
            <translation>sent {time}</translation>
        </message>
        <message>
            <source>sent, no reply</source>
            <translation>sent, no reply</translation>
        </message>
        <message>
            <source>server (guild) ID</source>
            <translation>server (guild) ID</translation>
        </message>
        <message>
            <source>server ID, when the files do not give GUILD_ID</source>
            <translation>server ID, when the files do not give GUILD_ID</translation>
        </message>
        <message>
            <source>show and change settings</source>
            <translation>show and change settings</translation>
        </message>
        <message>
            <source>show the configured channels</source>
            <translation>show the configured channels</translation>
        </message>
        <message>
            <source>show the schedule, the channels and their states</source>
            <translation>show the schedule, the channels and their states</translation>
        </message>
        <message>
            <source>show what would be imported; change nothing</source>
            <translation>show what would be imported; change nothing</translation>
        </message>
        <message>
            <source>start at login is not available on this system ({system})</source>
            <translation>start at login is not available on this system ({system})</translation>
        </message>
        <message>
            <source>start the app against the built-in Discord sandbox (no account needed)</source>
            <translation>start the app against the built-in Discord sandbox (no account needed)</translation>
        </message>
        <message>
            <source>start the app when you log in (on, off, status)</source>
            <translation>start the app when you log in (on, off, status)</translation>
        </message>
        <message>
            <source>start this installation of the app when you log in</source>
            <translation>start this installation of the app when you log in</translation>
        </message>
        <message>
            <source>stop sending keep-alive messages to a channel</source>
            <translation>stop sending keep-alive messages to a channel</translation>
        </message>
        <message>
            <source>store the bot token (read from stdin, or asked for without echo)</source>
            <translation>store the bot token (read from stdin, or asked for without echo)</translation>
        </message>
        <message>
            <source>store the proxy secret (read from stdin, or asked for)</source>
            <translation>store the proxy secret (read from stdin, or asked for)</translation>
        </message>
        <message>
            <source>systemd user unit: {path}</source>
            <translation>systemd user unit: {path}</translation>
        </message>
        <message>
            <source>temporary channel</source>
            <translation>temporary channel</translation>
        </message>
        <message>
            <source>the bot token in the system keyring</source>
            <translation>the bot token in the system keyring</translation>
        </message>
        <message>
            <source>the desktop interface cannot start ({problem}); use the command line, e.g. `cdp-desktop status`</source>
            <translation>the desktop interface cannot start ({problem}); use the command line, e.g. `cdp-desktop status`</translation>
        </message>
        <message>
            <source>the disk is full: {path} could not be written; free some space and try again</source>
            <translation>the disk is full: {path} could not be written; free some space and try again</translation>
        </message>
        <message>
            <source>the folder {path} is not writable; CDP Desktop keeps its settings, history and logs there: make it writable or pass --home DIR</source>
            <translation>the folder {path} is not writable; CDP Desktop keeps its settings, history and logs there: make it writable or pass --home DIR</translation>
        </message>
        <message>
            <source>the last N days, today included (default {n})</source>
            <translation>the last N days, today included (default {n})</translation>
        </message>
        <message>
            <source>the log (not writable)</source>
            <translation>the log (not writable)</translation>
        </message>
        <message>
            <source>today</source>
            <translation>today</translation>
        </message>
        <message>
            <source>unexpected {kind}: {problem}. Details are in {log}; please report it.</source>
            <translation>unexpected {kind}: {problem}. Details are in {log}; please report it.</translation>
        </message>
        <message>
            <source>user ID of the target bot to mention (and expect a reply from)</source>
            <translation>user ID of the target bot to mention (and expect a reply from)</translation>
        </message>
        <message>
            <source>{0:.1f} s</source>
            <translation>{0:.1f} s</translation>
        </message>
        <message>
            <source>{0:g} s</source>
            <translation>{0:g} s</translation>
        </message>
        <message>
            <source>{0} attempts that day</source>
            <translation>{0} attempts that day</translation>
        </message>
        <message>
            <source>{0}/{1} days</source>
            <translation>{0}/{1} days</translation>
        </message>
        <message>
            <source>{channel}: {message}</source>
            <translation>{channel}: {message}</translation>
        </message>
        <message>
            <source>{channel}: {ok}/{total} days delivered</source>
            <translation>{channel}: {ok}/{total} days delivered</translation>
        </message>
        <message>
            <source>{done}/{total} channels done, {n} waiting for the target bot's reply…</source>
            <translation>{done}/{total} channels done, {n} waiting for the target bot's reply…</translation>
        </message>
        <message>
            <source>{done}/{total} channels done…</source>
            <translation>{done}/{total} channels done…</translation>
        </message>
        <message>
            <source>{id} is a temporary channel CDP Desktop created for a keep-alive run and deletes when the run ends; choose another channel</source>
            <translation>{id} is a temporary channel CDP Desktop created for a keep-alive run and deletes when the run ends; choose another channel</translation>
        </message>
        <message>
            <source>{path} is a file, not a folder; move it away or pass --home DIR</source>
            <translation>{path} is a file, not a folder; move it away or pass --home DIR</translation>
        </message>
        <message>
            <source>{path} is not writable ({problem}); fix its permissions or pass --home DIR</source>
            <translation>{path} is not writable ({problem}); fix its permissions or pass --home DIR</translation>
        </message>
        <message>
            <source>{path}: {problem}; check the file and its folder, or pass --home DIR</source>
            <translation>{path}: {problem}; check the file and its folder, or pass --home DIR</translation>
        </message>
        <message>
            <source>{problem} (see `{prog} --help`)</source>
            <translation>{problem} (see `{prog} --help`)</translation>
        </message>
        <message>
            <source>{prog}: debug: {message}</source>
            <translation>{prog}: debug: {message}</translation>
        </message>
        <message>
            <source>{prog}: error: {message}</source>
            <translation>{prog}: error: {message}</translation>
        </message>
        <message>
            <source>{prog}: info: {message}</source>
            <translation>{prog}: info: {message}</translation>
        </message>
        <message>
            <source>{prog}: note: {message}</source>
            <translation>{prog}: note: {message}</translation>
        </message>
        <message>
            <source>{prog}: warning: {message}</source>
            <translation>{prog}: warning: {message}</translation>
        </message>
        <message>
            <source>{state}: {message}</source>
            <translation>{state}: {message}</translation>
        </message>
        <message>
            <source>{value!r} is not a port number from 0 to 65535</source>
            <translation>{value!r} is not a port number from 0 to 65535</translation>
        </message>
        <message>
            <source>{variable}: {problem}</source>
            <translation>{variable}: {problem}</translation>
        </message>
        <message>
            <source>{where}: Discord says channel {id} does not exist; check the ID.</source>
            <translation>{where}: Discord says channel {id} does not exist; check the ID.</translation>
        </message>
        <message>
            <source>{where}: channel {channel} belongs to server {actual}, not {given}.</source>
            <translation>{where}: channel {channel} belongs to server {actual}, not {given}.</translation>
        </message>
    </context>
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About CDP Desktop</source>
            <translation>About CDP Desktop</translation>
        </message>
        <message>
            <source>Built with</source>
            <translation>Built with</translation>
        </message>
        <message>
            <source>Links</source>
            <translation>Links</translation>
        </message>
        <message>
            <source>Log folder</source>
            <translation>Log folder</translation>
        </message>
        <message>
            <source>Posts a daily keep-alive message that mentions your Discord bot, so that bots such as Coze bots behind coze-discord-proxy stay active.</source>
            <translation>Posts a daily keep-alive message that mentions your Discord bot, so that bots such as Coze bots behind coze-discord-proxy stay active.</translation>
        </message>
        <message>
            <source>Settings folder</source>
            <translation>Settings folder</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
    </context>
    <context>
        <name>Banner</name>
        <message>
            <source>Dismiss</source>
            <translation>Dismiss</translation>
        </message>
    </context>
    <context>
        <name>CdpEndpoint</name>
        <message>
            <source>CDP answered with an error; see its log.</source>
            <translation>CDP answered with an error; see its log.</translation>
        </message>
        <message>
            <source>CDP answers again.</source>
            <translation>CDP answers again.</translation>
        </message>
        <message>
            <source>CDP did not answer; check that its container is running and that cdp_url is right.</source>
            <translation>CDP did not answer; check that its container is running and that cdp_url is right.</translation>
        </message>
        <message>
            <source>CDP endpoint: {state}</source>
            <translation>CDP endpoint: {state}</translation>
        </message>
        <message>
            <source>CDP endpoint: {state} (models: {models}, {ms} ms)</source>
            <translation>CDP endpoint: {state} (models: {models}, {ms} ms)</translation>
        </message>
        <message>
            <source>CDP endpoint: {state} ({detail})</source>
            <translation>CDP endpoint: {state} ({detail})</translation>
        </message>
        <message>
            <source>CDP refused the proxy secret; store the current PROXY_SECRET with `cdp-desktop cdp-secret set`.</source>
            <translation>CDP refused the proxy secret; store the current PROXY_SECRET with `cdp-desktop cdp-secret set`.</translation>
        </message>
        <message>
            <source>error</source>
            <translation>error</translation>
        </message>
        <message>
            <source>the answer is not an OpenAI-style model list</source>
            <translation>the answer is not an OpenAI-style model list</translation>
        </message>
        <message>
            <source>unauthorized</source>
            <translation>unauthorized</translation>
        </message>
        <message>
            <source>unreachable</source>
            <translation>unreachable</translation>
        </message>
        <message>
            <source>up</source>
            <translation>up</translation>
        </message>
    </context>
    <context>
        <name>CdpEndpointStatus</name>
        <message>
            <source>Ask coze-discord-proxy for its model list now (GET /v1/models)</source>
            <translation>Ask coze-discord-proxy for its model list now (GET /v1/models)</translation>
        </message>
        <message>
            <source>CDP endpoint check</source>
            <translation>CDP endpoint check</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Check</translation>
        </message>
    </context>
    <context>
        <name>CdpImport</name>
        <message>
            <source>GUILD_ID (the server ID) is not set; it belongs in CDP's docker-compose.yml or .env. Import the CDP folder, or pass --guild G.</source>
            <translation>GUILD_ID (the server ID) is not set; it belongs in CDP's docker-compose.yml or .env. Import the CDP folder, or pass --guild G.</translation>
        </message>
        <message>
            <source>JSON syntax error: {problem}.</source>
            <translation>JSON syntax error: {problem}.</translation>
        </message>
        <message>
            <source>PROXY_URL: {problem}</source>
            <translation>PROXY_URL: {problem}</translation>
        </message>
        <message>
            <source>TZ is '{zone}', which is not a known time zone; use an IANA name such as Asia/Shanghai.</source>
            <translation>TZ is '{zone}', which is not a known time zone; use an IANA name such as Asia/Shanghai.</translation>
        </message>
        <message>
            <source>YAML syntax error: {problem}.</source>
            <translation>YAML syntax error: {problem}.</translation>
        </message>
        <message>
            <source>bot_config.json must be a JSON array of bots: [{{"cozeBotId": …, "channelId": …}}, …].</source>
            <translation>bot_config.json must be a JSON array of bots: [{{"cozeBotId": …, "channelId": …}}, …].</translation>
        </message>
        <message>
            <source>cannot be read; check that it exists and is readable.</source>
            <translation>cannot be read; check that it exists and is readable.</translation>
        </message>
        <message>
            <source>each entry of bot_config.json must be an object {{…}}.</source>
            <translation>each entry of bot_config.json must be an object {{…}}.</translation>
        </message>
        <message>
            <source>env_file {file} does not exist.</source>
            <translation>env_file {file} does not exist.</translation>
        </message>
        <message>
            <source>model must be a list of model names, like ["gpt-4"].</source>
            <translation>model must be a list of model names, like ["gpt-4"].</translation>
        </message>
        <message>
            <source>no coze-discord-proxy files here; looked for docker-compose.yml, .env and data/config/bot_config.json.</source>
            <translation>no coze-discord-proxy files here; looked for docker-compose.yml, .env and data/config/bot_config.json.</translation>
        </message>
        <message>
            <source>no coze-discord-proxy service in this compose file (none uses the deanxv/coze-discord-proxy image or sets GUILD_ID, CHANNEL_ID or COZE_BOT_ID).</source>
            <translation>no coze-discord-proxy service in this compose file (none uses the deanxv/coze-discord-proxy image or sets GUILD_ID, CHANNEL_ID or COZE_BOT_ID).</translation>
        </message>
        <message>
            <source>no such file or folder.</source>
            <translation>no such file or folder.</translation>
        </message>
        <message>
            <source>permission denied: you may not read this file; check its permissions.</source>
            <translation>permission denied: you may not read this file; check its permissions.</translation>
        </message>
        <message>
            <source>the file does not exist; check the path.</source>
            <translation>the file does not exist; check the path.</translation>
        </message>
        <message>
            <source>the file is not UTF-8 text; save it as UTF-8 and try again.</source>
            <translation>the file is not UTF-8 text; save it as UTF-8 and try again.</translation>
        </message>
        <message>
            <source>this bot entry has no cozeBotId (the Coze bot's user ID).</source>
            <translation>this bot entry has no cozeBotId (the Coze bot's user ID).</translation>
        </message>
        <message>
            <source>this is a folder, not a file.</source>
            <translation>this is a folder, not a file.</translation>
        </message>
        <message>
            <source>this line is not KEY=VALUE (check the quotes; a value with spaces needs quotes).</source>
            <translation>this line is not KEY=VALUE (check the quotes; a value with spaces needs quotes).</translation>
        </message>
        <message>
            <source>{key} is '{value}', which is not a Discord ID (17 to 20 digits).</source>
            <translation>{key} is '{value}', which is not a Discord ID (17 to 20 digits).</translation>
        </message>
        <message>
            <source>{where}: ${{{name}}} is not set in .env; it was read as empty.</source>
            <translation>{where}: ${{{name}}} is not set in .env; it was read as empty.</translation>
        </message>
        <message>
            <source>{where}: CHANNEL_ID is not set, so there is no channel to keep COZE_BOT_ID {bot} alive in; add one with `cdp-desktop channels add`.</source>
            <translation>{where}: CHANNEL_ID is not set, so there is no channel to keep COZE_BOT_ID {bot} alive in; add one with `cdp-desktop channels add`.</translation>
        </message>
        <message>
            <source>{where}: Coze bot {bot} uses channel {channel} too; a channel's keep-alive mentions one bot ({first}). Give {bot} a channel of its own and add it with `cdp-desktop channels add`.</source>
            <translation>{where}: Coze bot {bot} uses channel {channel} too; a channel's keep-alive mentions one bot ({first}). Give {bot} a channel of its own and add it with `cdp-desktop channels add`.</translation>
        </message>
        <message>
            <source>{where}: bot {bot} has no channelId and CHANNEL_ID is not set; add a channel for it with `cdp-desktop channels add`.</source>
            <translation>{where}: bot {bot} has no channelId and CHANNEL_ID is not set; add a channel for it with `cdp-desktop channels add`.</translation>
        </message>
        <message>
            <source>{where}: {text}</source>
            <translation>{where}: {text}</translation>
        </message>
    </context>
    <context>
        <name>CdpImportDialog</name>
        <message>
            <source>After the import, set COZE_BOT_STAY_ACTIVE_ENABLE=0 in coze-discord-proxy and restart it: CDP Desktop keeps the bots alive, and two keep-alives a day are noise.</source>
            <translation>After the import, set COZE_BOT_STAY_ACTIVE_ENABLE=0 in coze-discord-proxy and restart it: CDP Desktop keeps the bots alive, and two keep-alives a day are noise.</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>CDP endpoint</source>
            <translation>CDP endpoint</translation>
        </message>
        <message>
            <source>CDP files (*.yml *.yaml *.env .env *.json)</source>
            <translation>CDP files (*.yml *.yaml *.env .env *.json)</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>Channels</translation>
        </message>
        <message>
            <source>Checking the bot token with Discord…</source>
            <translation>Checking the bot token with Discord…</translation>
        </message>
        <message>
            <source>Choose a folder or a file first.</source>
            <translation>Choose a folder or a file first.</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>File…</source>
            <translation>File…</translation>
        </message>
        <message>
            <source>Folder or file</source>
            <translation>Folder or file</translation>
        </message>
        <message>
            <source>Folder…</source>
            <translation>Folder…</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Import from coze-discord-proxy</source>
            <translation>Import from coze-discord-proxy</translation>
        </message>
        <message>
            <source>Imported {0} channel(s); settings changed: {1}.</source>
            <translation>Imported {0} channel(s); settings changed: {1}.</translation>
        </message>
        <message>
            <source>No channels found.</source>
            <translation>No channels found.</translation>
        </message>
        <message>
            <source>Pick the folder of your coze-discord-proxy setup, or one of its files: docker-compose.yml, .env or data/config/bot_config.json. Nothing changes until you press Import.</source>
            <translation>Pick the folder of your coze-discord-proxy setup, or one of its files: docker-compose.yml, .env or data/config/bot_config.json. Nothing changes until you press Import.</translation>
        </message>
        <message>
            <source>Proxy</source>
            <translation>Proxy</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>Read</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Store the bot token from {0} in the system keyring</source>
            <translation>Store the bot token from {0} in the system keyring</translation>
        </message>
        <message>
            <source>Store the proxy secret from {0} in the system keyring (for the endpoint check)</source>
            <translation>Store the proxy secret from {0} in the system keyring (for the endpoint check)</translation>
        </message>
        <message>
            <source>Storing in the system keyring…</source>
            <translation>Storing in the system keyring…</translation>
        </message>
        <message>
            <source>The bot token was not stored: {0}</source>
            <translation>The bot token was not stored: {0}</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Time zone</translation>
        </message>
        <message>
            <source>USER_AUTHORIZATION ({0}) is not read and not stored: it is a Discord user-account token, and sending messages as a user is against Discord's terms. CDP Desktop posts with the bot token.</source>
            <translation>USER_AUTHORIZATION ({0}) is not read and not stored: it is a Discord user-account token, and sending messages as a user is against Discord's terms. CDP Desktop posts with the bot token.</translation>
        </message>
        <message>
            <source>already configured</source>
            <translation>already configured</translation>
        </message>
        <message>
            <source>coze-discord-proxy file</source>
            <translation>coze-discord-proxy file</translation>
        </message>
        <message>
            <source>coze-discord-proxy folder</source>
            <translation>coze-discord-proxy folder</translation>
        </message>
        <message>
            <source>mentions &lt;@{0}&gt;</source>
            <translation>mentions &lt;@{0}&gt;</translation>
        </message>
        <message>
            <source>server {0}</source>
            <translation>server {0}</translation>
        </message>
        <message>
            <source>{0} (now: {1})</source>
            <translation>{0} (now: {1})</translation>
        </message>
        <message>
            <source>{0} (unchanged)</source>
            <translation>{0} (unchanged)</translation>
        </message>
    </context>
    <context>
        <name>CdpStatus</name>
        <message>
            <source>CDP endpoint: not checked yet</source>
            <translation>CDP endpoint: not checked yet</translation>
        </message>
        <message>
            <source>CDP endpoint: {0}</source>
            <translation>CDP endpoint: {0}</translation>
        </message>
        <message>
            <source>CDP endpoint: {0} ({1})</source>
            <translation>CDP endpoint: {0} ({1})</translation>
        </message>
        <message>
            <source>models: {0}, {1} ms</source>
            <translation>models: {0}, {1} ms</translation>
        </message>
    </context>
    <context>
        <name>ChannelCheck</name>
        <message>
            <source>Channel {channel} belongs to another server ({actual}), not {given}.</source>
            <translation>Channel {channel} belongs to another server ({actual}), not {given}.</translation>
        </message>
        <message>
            <source>The bot cannot see channel {channel}. Check the ID and that the bot is a member of the server with View Channel permission.</source>
            <translation>The bot cannot see channel {channel}. Check the ID and that the bot is a member of the server with View Channel permission.</translation>
        </message>
    </context>
    <context>
        <name>ChannelEditor</name>
        <message>
            <source>(already added)</source>
            <translation>(already added)</translation>
        </message>
        <message>
            <source>(no category)</source>
            <translation>(no category)</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Add channel</source>
            <translation>Add channel</translation>
        </message>
        <message>
            <source>Category ID (optional)</source>
            <translation>Category ID (optional)</translation>
        </message>
        <message>
            <source>Category ID:</source>
            <translation>Category ID:</translation>
        </message>
        <message>
            <source>Category:</source>
            <translation>Category:</translation>
        </message>
        <message>
            <source>Channel ID</source>
            <translation>Channel ID</translation>
        </message>
        <message>
            <source>Channel ID:</source>
            <translation>Channel ID:</translation>
        </message>
        <message>
            <source>Channel:</source>
            <translation>Channel:</translation>
        </message>
        <message>
            <source>Checking the channel on Discord…</source>
            <translation>Checking the channel on Discord…</translation>
        </message>
        <message>
            <source>Choose a channel.</source>
            <translation>Choose a channel.</translation>
        </message>
        <message>
            <source>Choose the target bot to mention, or tick “Send without mentioning a bot”.</source>
            <translation>Choose the target bot to mention, or tick “Send without mentioning a bot”.</translation>
        </message>
        <message>
            <source>Edit channel</source>
            <translation>Edit channel</translation>
        </message>
        <message>
            <source>Enabled (send the daily keep-alive to this channel)</source>
            <translation>Enabled (send the daily keep-alive to this channel)</translation>
        </message>
        <message>
            <source>Enter IDs by hand</source>
            <translation>Enter IDs by hand</translation>
        </message>
        <message>
            <source>Loading the servers the bot can see…</source>
            <translation>Loading the servers the bot can see…</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>No bots are listed: that needs the Server Members intent (Settings). Paste the target bot's user ID instead.</source>
            <translation>No bots are listed: that needs the Server Members intent (Settings). Paste the target bot's user ID instead.</translation>
        </message>
        <message>
            <source>Not connected to Discord: the IDs you type cannot be verified now. They are checked at the next run.</source>
            <translation>Not connected to Discord: the IDs you type cannot be verified now. They are checked at the next run.</translation>
        </message>
        <message>
            <source>Own message for this channel</source>
            <translation>Own message for this channel</translation>
        </message>
        <message>
            <source>Pick a channel below, or enter its IDs by hand.</source>
            <translation>Pick a channel below, or enter its IDs by hand.</translation>
        </message>
        <message>
            <source>Pick from the servers the bot can see</source>
            <translation>Pick from the servers the bot can see</translation>
        </message>
        <message>
            <source>Placeholders: {mention} (the target bot), {date}, {time}, {channel}.</source>
            <translation>Placeholders: {mention} (the target bot), {date}, {time}, {channel}.</translation>
        </message>
        <message>
            <source>Please correct the fields marked above.</source>
            <translation>Please correct the fields marked above.</translation>
        </message>
        <message>
            <source>Preview:</source>
            <translation>Preview:</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Send without mentioning a bot (no bot is pinged, so none is kept active)</source>
            <translation>Send without mentioning a bot (no bot is pinged, so none is kept active)</translation>
        </message>
        <message>
            <source>Server ID, e.g. 1234567890123456789</source>
            <translation>Server ID, e.g. 1234567890123456789</translation>
        </message>
        <message>
            <source>Server ID:</source>
            <translation>Server ID:</translation>
        </message>
        <message>
            <source>Server:</source>
            <translation>Server:</translation>
        </message>
        <message>
            <source>Something went wrong: {0}</source>
            <translation>Something went wrong: {0}</translation>
        </message>
        <message>
            <source>Taken from Discord when empty</source>
            <translation>Taken from Discord when empty</translation>
        </message>
        <message>
            <source>Target bot ID:</source>
            <translation>Target bot ID:</translation>
        </message>
        <message>
            <source>Target bot:</source>
            <translation>Target bot:</translation>
        </message>
        <message>
            <source>Temporary channel: create a new channel for each run (in the chosen category)</source>
            <translation>Temporary channel: create a new channel for each run (in the chosen category)</translation>
        </message>
        <message>
            <source>The bot cannot see any text channel in this server.</source>
            <translation>The bot cannot see any text channel in this server.</translation>
        </message>
        <message>
            <source>User ID of the target bot, e.g. 1234567890123456789</source>
            <translation>User ID of the target bot, e.g. 1234567890123456789</translation>
        </message>
    </context>
    <context>
        <name>ChannelsModel</name>
        <message>
            <source>Bot ID: {0}</source>
            <translation>Bot ID: {0}</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Channel ID: {0}</source>
            <translation>Channel ID: {0}</translation>
        </message>
        <message>
            <source>Discord shows it {0}.</source>
            <translation>Discord shows it {0}.</translation>
        </message>
        <message>
            <source>Guild</source>
            <translation>Guild</translation>
        </message>
        <message>
            <source>Guild ID: {0}</source>
            <translation>Guild ID: {0}</translation>
        </message>
        <message>
            <source>Keep-alive</source>
            <translation>Keep-alive</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Last 30 days</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>Last error</translation>
        </message>
        <message>
            <source>Last success: {0}</source>
            <translation>Last success: {0}</translation>
        </message>
        <message>
            <source>Not a failure in itself: the reply check decides whether the keep-alive worked.</source>
            <translation>Not a failure in itself: the reply check decides whether the keep-alive worked.</translation>
        </message>
        <message>
            <source>Online status unknown: {0}.</source>
            <translation>Online status unknown: {0}.</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>Reply</translation>
        </message>
        <message>
            <source>Sent by another machine at {0}</source>
            <translation>Sent by another machine at {0}</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Target bot</source>
            <translation>Target bot</translation>
        </message>
        <message>
            <source>The reply check (does the bot answer?) is used instead.</source>
            <translation>The reply check (does the bot answer?) is used instead.</translation>
        </message>
        <message>
            <source>do not disturb</source>
            <translation>do not disturb</translation>
        </message>
        <message>
            <source>idle</source>
            <translation>idle</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>offline</translation>
        </message>
        <message>
            <source>online</source>
            <translation>online</translation>
        </message>
        <message>
            <source>{0:.1f} s</source>
            <translation>{0:.1f} s</translation>
        </message>
    </context>
    <context>
        <name>ChannelsPage</name>
        <message>
            <source>Add at least one channel to go on.</source>
            <translation>Add at least one channel to go on.</translation>
        </message>
        <message>
            <source>Add channel…</source>
            <translation>Add channel…</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>Channels</translation>
        </message>
        <message>
            <source>Choose the channels that get the daily keep-alive. You can change them later.</source>
            <translation>Choose the channels that get the daily keep-alive. You can change them later.</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>temporary channel</source>
            <translation>temporary channel</translation>
        </message>
    </context>
    <context>
        <name>ClosePolicy</name>
        <message>
            <source>Don't ask again</source>
            <translation>Don't ask again</translation>
        </message>
        <message>
            <source>Keep running</source>
            <translation>Keep running</translation>
        </message>
        <message>
            <source>Keep running?</source>
            <translation>Keep running?</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>There is no system tray on this desktop. Keep sending keep-alives in the background after the window closes?
Start CDP Desktop again to bring the window back.</source>
            <translation>There is no system tray on this desktop. Keep sending keep-alives in the background after the window closes?
Start CDP Desktop again to bring the window back.</translation>
        </message>
    </context>
    <context>
        <name>ConfigError</name>
        <message>
            <source>a target has no guild_id.</source>
            <translation>a target has no guild_id.</translation>
        </message>
        <message>
            <source>a temporary channel for this guild and category is already configured.</source>
            <translation>a temporary channel for this guild and category is already configured.</translation>
        </message>
        <message>
            <source>channel names are at most 100 characters.</source>
            <translation>channel names are at most 100 characters.</translation>
        </message>
        <message>
            <source>channel {channel} is already configured.</source>
            <translation>channel {channel} is already configured.</translation>
        </message>
        <message>
            <source>each target must be an object.</source>
            <translation>each target must be an object.</translation>
        </message>
        <message>
            <source>expected a list.</source>
            <translation>expected a list.</translation>
        </message>
        <message>
            <source>expected a whole number from {low} to {high}.</source>
            <translation>expected a whole number from {low} to {high}.</translation>
        </message>
        <message>
            <source>expected an object.</source>
            <translation>expected an object.</translation>
        </message>
        <message>
            <source>notes are at most 200 characters.</source>
            <translation>notes are at most 200 characters.</translation>
        </message>
        <message>
            <source>temporary channel</source>
            <translation>temporary channel</translation>
        </message>
        <message>
            <source>the file does not hold a JSON object.</source>
            <translation>the file does not hold a JSON object.</translation>
        </message>
        <message>
            <source>the message template is empty.</source>
            <translation>the message template is empty.</translation>
        </message>
        <message>
            <source>the template has an unbalanced brace ({error}); write {{{{ for a literal {{.</source>
            <translation>the template has an unbalanced brace ({error}); write {{{{ for a literal {{.</translation>
        </message>
        <message>
            <source>the template has no {{mention}}: a message that does not mention the target bot does not keep it active.</source>
            <translation>the template has no {{mention}}: a message that does not mention the target bot does not keep it active.</translation>
        </message>
        <message>
            <source>the template is too long ({length} characters; keep it under 1800).</source>
            <translation>the template is too long ({length} characters; keep it under 1800).</translation>
        </message>
        <message>
            <source>unknown key at the top level of the configuration.</source>
            <translation>unknown key at the top level of the configuration.</translation>
        </message>
        <message>
            <source>unknown key {key} in a target.</source>
            <translation>unknown key {key} in a target.</translation>
        </message>
        <message>
            <source>unknown placeholder {{{name}}}; use {allowed}.</source>
            <translation>unknown placeholder {{{name}}}; use {allowed}.</translation>
        </message>
        <message>
            <source>unknown setting; known settings are {keys}.</source>
            <translation>unknown setting; known settings are {keys}.</translation>
        </message>
        <message>
            <source>write placeholders plainly, like {{{name}}}; formats are not supported.</source>
            <translation>write placeholders plainly, like {{{name}}}; formats are not supported.</translation>
        </message>
        <message>
            <source>{field}: {problem}</source>
            <translation>{field}: {problem}</translation>
        </message>
        <message>
            <source>{value} contains spaces or control characters; e.g. {example}.</source>
            <translation>{value} contains spaces or control characters; e.g. {example}.</translation>
        </message>
        <message>
            <source>{value} has an invalid port.</source>
            <translation>{value} has an invalid port.</translation>
        </message>
        <message>
            <source>{value} has an invalid port; use 1 to 65535.</source>
            <translation>{value} has an invalid port; use 1 to 65535.</translation>
        </message>
        <message>
            <source>{value} has no host name; e.g. {example}.</source>
            <translation>{value} has no host name; e.g. {example}.</translation>
        </message>
        <message>
            <source>{value} has no supported scheme; use http://, https://, socks5:// or socks5h://.</source>
            <translation>{value} has no supported scheme; use http://, https://, socks5:// or socks5h://.</translation>
        </message>
        <message>
            <source>{value} has port {port}; use a port from 1 to 65535.</source>
            <translation>{value} has port {port}; use a port from 1 to 65535.</translation>
        </message>
        <message>
            <source>{value} is not a Discord ID. IDs are 17 to 20 digits; copy one with Developer Mode on (right-click → Copy ID).</source>
            <translation>{value} is not a Discord ID. IDs are 17 to 20 digits; copy one with Developer Mode on (right-click → Copy ID).</translation>
        </message>
        <message>
            <source>{value} is not a configured channel; see `channels list`.</source>
            <translation>{value} is not a configured channel; see `channels list`.</translation>
        </message>
        <message>
            <source>{value} is not a known time zone; use an IANA name such as Asia/Shanghai.</source>
            <translation>{value} is not a known time zone; use an IANA name such as Asia/Shanghai.</translation>
        </message>
        <message>
            <source>{value} is not a time of day; use HH:MM from 00:00 to 23:59.</source>
            <translation>{value} is not a time of day; use HH:MM from 00:00 to 23:59.</translation>
        </message>
        <message>
            <source>{value} is not a valid URL; e.g. {example}.</source>
            <translation>{value} is not a valid URL; e.g. {example}.</translation>
        </message>
        <message>
            <source>{value} is not a whole number from {low} to {high}.</source>
            <translation>{value} is not a whole number from {low} to {high}.</translation>
        </message>
        <message>
            <source>{value} is not an ISO 8601 date and time.</source>
            <translation>{value} is not an ISO 8601 date and time.</translation>
        </message>
        <message>
            <source>{value} is not an http(s) URL, e.g. {example}.</source>
            <translation>{value} is not an http(s) URL, e.g. {example}.</translation>
        </message>
        <message>
            <source>{value} is not available; use {languages} or system.</source>
            <translation>{value} is not available; use {languages} or system.</translation>
        </message>
        <message>
            <source>{value} is not true or false.</source>
            <translation>{value} is not true or false.</translation>
        </message>
        <message>
            <source>{value} is out of range; use {low} to {high}.</source>
            <translation>{value} is out of range; use {low} to {high}.</translation>
        </message>
        <message>
            <source>{value} needs a host and a port, e.g. {example}.</source>
            <translation>{value} needs a host and a port, e.g. {example}.</translation>
        </message>
    </context>
    <context>
        <name>ConfigFile</name>
        <message>
            <source>Could not read {path} ({error}); using defaults. Check the file's permissions.</source>
            <translation>Could not read {path} ({error}); using defaults. Check the file's permissions.</translation>
        </message>
        <message>
            <source>The configuration file {path} could not be read ({reason}) nor moved aside ({error}); CDP Desktop uses default settings and does not save them. Fix or remove the file.</source>
            <translation>The configuration file {path} could not be read ({reason}) nor moved aside ({error}); CDP Desktop uses default settings and does not save them. Fix or remove the file.</translation>
        </message>
        <message>
            <source>The configuration file {path} could not be read ({reason}). It was moved to {aside} with its original contents; CDP Desktop starts with default settings.</source>
            <translation>The configuration file {path} could not be read ({reason}). It was moved to {aside} with its original contents; CDP Desktop starts with default settings.</translation>
        </message>
        <message>
            <source>{path} could not be read ({error}); fix its permissions first.</source>
            <translation>{path} could not be read ({error}); fix its permissions first.</translation>
        </message>
        <message>
            <source>{path} is damaged and could not be moved aside ({error}).</source>
            <translation>{path} is damaged and could not be moved aside ({error}).</translation>
        </message>
        <message>
            <source>{path} was written by a newer version of CDP Desktop (schema {version}); it is used read-only and will not be overwritten. Upgrade CDP Desktop to change settings.</source>
            <translation>{path} was written by a newer version of CDP Desktop (schema {version}); it is used read-only and will not be overwritten. Upgrade CDP Desktop to change settings.</translation>
        </message>
        <message>
            <source>{path} was written by a newer version of CDP Desktop and is not overwritten; upgrade CDP Desktop to change settings.</source>
            <translation>{path} was written by a newer version of CDP Desktop and is not overwritten; upgrade CDP Desktop to change settings.</translation>
        </message>
        <message>
            <source>{path}: {field}: unknown setting, ignored; it is dropped at the next save.</source>
            <translation>{path}: {field}: unknown setting, ignored; it is dropped at the next save.</translation>
        </message>
        <message>
            <source>{path}: {problem} The default is used until you set it again, e.g. `cdp-desktop config set {field} VALUE`.</source>
            <translation>{path}: {problem} The default is used until you set it again, e.g. `cdp-desktop config set {field} VALUE`.</translation>
        </message>
    </context>
    <context>
        <name>Connection</name>
        <message>
            <source>Discord connection lost ({reason}); reconnecting in {seconds} seconds.</source>
            <translation>Discord connection lost ({reason}); reconnecting in {seconds} seconds.</translation>
        </message>
        <message>
            <source>The connection to Discord ended.</source>
            <translation>The connection to Discord ended.</translation>
        </message>
        <message>
            <source>The gateway connection was lost.</source>
            <translation>The gateway connection was lost.</translation>
        </message>
    </context>
    <context>
        <name>DaemonRunning</name>
        <message>
            <source>&amp;Stop it and open the window</source>
            <translation>&amp;Stop it and open the window</translation>
        </message>
        <message>
            <source>CDP Desktop is already running</source>
            <translation>CDP Desktop is already running</translation>
        </message>
        <message>
            <source>CDP Desktop is already running in the background, without a window (cdp-desktop daemon{pid}), for {folder}. Only one of them can send the keep-alives.</source>
            <translation>CDP Desktop is already running in the background, without a window (cdp-desktop daemon{pid}), for {folder}. Only one of them can send the keep-alives.</translation>
        </message>
        <message>
            <source>The background instance (PID {pid}) did not stop. Stop it by hand, then start CDP Desktop again.</source>
            <translation>The background instance (PID {pid}) did not stop. Stop it by hand, then start CDP Desktop again.</translation>
        </message>
        <message>
            <source>To open the window, stop it first: click “Stop it and open the window”, or run “systemctl --user stop cdp-desktop” if it runs as a service, or “kill {pid}”.</source>
            <translation>To open the window, stop it first: click “Stop it and open the window”, or run “systemctl --user stop cdp-desktop” if it runs as a service, or “kill {pid}”.</translation>
        </message>
        <message>
            <source>To open the window, stop it first: run “systemctl --user stop cdp-desktop” if it runs as a service, or end the “cdp-desktop daemon” process.</source>
            <translation>To open the window, stop it first: run “systemctl --user stop cdp-desktop” if it runs as a service, or end the “cdp-desktop daemon” process.</translation>
        </message>
    </context>
    <context>
        <name>DemoMenu</name>
        <message>
            <source>Bring the server back</source>
            <translation>Bring the server back</translation>
        </message>
        <message>
            <source>Delete a channel on the server</source>
            <translation>Delete a channel on the server</translation>
        </message>
        <message>
            <source>Demo: channel {0} was deleted on the server. Run now to see the app notice it.</source>
            <translation>Demo: channel {0} was deleted on the server. Run now to see the app notice it.</translation>
        </message>
        <message>
            <source>Demo: no configured channel is left to delete.</source>
            <translation>Demo: no configured channel is left to delete.</translation>
        </message>
        <message>
            <source>Let the target bot reply</source>
            <translation>Let the target bot reply</translation>
        </message>
        <message>
            <source>Restore the token</source>
            <translation>Restore the token</translation>
        </message>
        <message>
            <source>Revoke the token</source>
            <translation>Revoke the token</translation>
        </message>
        <message>
            <source>Silence the target bot</source>
            <translation>Silence the target bot</translation>
        </message>
        <message>
            <source>Take the server offline</source>
            <translation>Take the server offline</translation>
        </message>
        <message>
            <source>This is the demo: a local Discord sandbox with its own channels and a target bot that replies; nothing reaches Discord and its files are removed on Quit. Try Run now, then the Demo menu: delete a channel, silence the bot, take the server offline, revoke the token.</source>
            <translation>This is the demo: a local Discord sandbox with its own channels and a target bot that replies; nothing reaches Discord and its files are removed on Quit. Try Run now, then the Demo menu: delete a channel, silence the bot, take the server offline, revoke the token.</translation>
        </message>
    </context>
    <context>
        <name>DiscordFailure</name>
        <message>
            <source>Channel {channel} is not a server channel.</source>
            <translation>Channel {channel} is not a server channel.</translation>
        </message>
        <message>
            <source>Channel {channel} is not a text channel.</source>
            <translation>Channel {channel} is not a text channel.</translation>
        </message>
        <message>
            <source>Channel {channel} is not in the server.</source>
            <translation>Channel {channel} is not in the server.</translation>
        </message>
        <message>
            <source>Channel {channel} was deleted.</source>
            <translation>Channel {channel} was deleted.</translation>
        </message>
        <message>
            <source>Channel {channel}: Missing Access (the bot cannot see it).</source>
            <translation>Channel {channel}: Missing Access (the bot cannot see it).</translation>
        </message>
        <message>
            <source>Channel {channel}: Missing Permissions (the bot may not send messages there).</source>
            <translation>Channel {channel}: Missing Permissions (the bot may not send messages there).</translation>
        </message>
        <message>
            <source>Discord answered HTTP {status} (error {code}: {text}).</source>
            <translation>Discord answered HTTP {status} (error {code}: {text}).</translation>
        </message>
        <message>
            <source>Discord answered HTTP {status}.</source>
            <translation>Discord answered HTTP {status}.</translation>
        </message>
        <message>
            <source>Discord could not be reached ({error}).</source>
            <translation>Discord could not be reached ({error}).</translation>
        </message>
        <message>
            <source>Discord is rate limiting the bot; retry in {seconds} s.</source>
            <translation>Discord is rate limiting the bot; retry in {seconds} s.</translation>
        </message>
        <message>
            <source>Discord refused the privileged intents (gateway close 4014).</source>
            <translation>Discord refused the privileged intents (gateway close 4014).</translation>
        </message>
        <message>
            <source>Discord rejected the bot token (HTTP 401).</source>
            <translation>Discord rejected the bot token (HTTP 401).</translation>
        </message>
        <message>
            <source>Discord rejected the bot token (gateway close {code}).</source>
            <translation>Discord rejected the bot token (gateway close {code}).</translation>
        </message>
        <message>
            <source>Discord's answer named no bot user.</source>
            <translation>Discord's answer named no bot user.</translation>
        </message>
        <message>
            <source>Discord's answer named no gateway URL.</source>
            <translation>Discord's answer named no gateway URL.</translation>
        </message>
        <message>
            <source>Logged in as {name}.</source>
            <translation>Logged in as {name}.</translation>
        </message>
        <message>
            <source>Not connected to Discord.</source>
            <translation>Not connected to Discord.</translation>
        </message>
        <message>
            <source>Refused to delete channel {channel}: it is a configured target.</source>
            <translation>Refused to delete channel {channel}: it is a configured target.</translation>
        </message>
        <message>
            <source>Refused to delete channel {channel}: it is not a temporary channel this app created.</source>
            <translation>Refused to delete channel {channel}: it is not a temporary channel this app created.</translation>
        </message>
        <message>
            <source>Refused to delete channel {channel}: {error}</source>
            <translation>Refused to delete channel {channel}: {error}</translation>
        </message>
        <message>
            <source>Refused to delete message {message} in channel {channel}: it is not a message this process has just sent there.</source>
            <translation>Refused to delete message {message} in channel {channel}: it is not a message this process has just sent there.</translation>
        </message>
        <message>
            <source>The Discord gateway could not be found.</source>
            <translation>The Discord gateway could not be found.</translation>
        </message>
        <message>
            <source>The gateway connection closed with code {code}.</source>
            <translation>The gateway connection closed with code {code}.</translation>
        </message>
        <message>
            <source>The proxy refused the user name or password (HTTP 407).</source>
            <translation>The proxy refused the user name or password (HTTP 407).</translation>
        </message>
        <message>
            <source>The request to Discord timed out.</source>
            <translation>The request to Discord timed out.</translation>
        </message>
        <message>
            <source>Unexpected error talking to Discord ({error}).</source>
            <translation>Unexpected error talking to Discord ({error}).</translation>
        </message>
    </context>
    <context>
        <name>Due</name>
        <message>
            <source>added {0} — first keep-alive {1}</source>
            <translation>added {0} — first keep-alive {1}</translation>
        </message>
        <message>
            <source>disabled — no keep-alive</source>
            <translation>disabled — no keep-alive</translation>
        </message>
        <message>
            <source>due since {0} — Run now sends it</source>
            <translation>due since {0} — Run now sends it</translation>
        </message>
        <message>
            <source>schedule paused</source>
            <translation>schedule paused</translation>
        </message>
        <message>
            <source>sent by another machine at {0} — next {1}</source>
            <translation>sent by another machine at {0} — next {1}</translation>
        </message>
        <message>
            <source>sent {0} — next {1}</source>
            <translation>sent {0} — next {1}</translation>
        </message>
        <message>
            <source>sent — next {0}</source>
            <translation>sent — next {0}</translation>
        </message>
        <message>
            <source>today</source>
            <translation>today</translation>
        </message>
        <message>
            <source>today at {0}</source>
            <translation>today at {0}</translation>
        </message>
        <message>
            <source>tomorrow at {0}</source>
            <translation>tomorrow at {0}</translation>
        </message>
        <message>
            <source>yesterday</source>
            <translation>yesterday</translation>
        </message>
        <message>
            <source>yesterday at {0}</source>
            <translation>yesterday at {0}</translation>
        </message>
        <message>
            <source>{date} at {time}</source>
            <translation>{date} at {time}</translation>
        </message>
    </context>
    <context>
        <name>Engine</name>
        <message>
            <source>Delivered by an earlier attempt; reply not checked.</source>
            <translation>Delivered by an earlier attempt; reply not checked.</translation>
        </message>
        <message>
            <source>No reply within {seconds} s.</source>
            <translation>No reply within {seconds} s.</translation>
        </message>
        <message>
            <source>Not attempted: {reason}</source>
            <translation>Not attempted: {reason}</translation>
        </message>
        <message>
            <source>Orphan cleanup stopped: {reason}</source>
            <translation>Orphan cleanup stopped: {reason}</translation>
        </message>
        <message>
            <source>Removed temporary channel {channel} left by run {run}.</source>
            <translation>Removed temporary channel {channel} left by run {run}.</translation>
        </message>
        <message>
            <source>Reply check failed: {reason}</source>
            <translation>Reply check failed: {reason}</translation>
        </message>
        <message>
            <source>Run {run} ({trigger}, slot {slot}): {counts}.</source>
            <translation>Run {run} ({trigger}, slot {slot}): {counts}.</translation>
        </message>
        <message numerus="yes">
            <source>Run {run} started: slot {slot}, {trigger}, %n channel(s)</source>
            <translation>
                <numerusform>Run {run} started: slot {slot}, {trigger}, %n channel</numerusform>
                <numerusform>Run {run} started: slot {slot}, {trigger}, %n channels</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Run {run} started: slot {slot}, {trigger}, %n channel(s), forced</source>
            <translation>
                <numerusform>Run {run} started: slot {slot}, {trigger}, %n channel, forced</numerusform>
                <numerusform>Run {run} started: slot {slot}, {trigger}, %n channels, forced</numerusform>
            </translation>
        </message>
        <message>
            <source>Sent by another machine at {time}; nothing sent from here.</source>
            <translation>Sent by another machine at {time}; nothing sent from here.</translation>
        </message>
        <message>
            <source>Sent by another machine at {time}; our duplicate was withdrawn. {note}</source>
            <translation>Sent by another machine at {time}; our duplicate was withdrawn. {note}</translation>
        </message>
        <message>
            <source>Temporary channel #{name} could not be deleted ({reason}); it is removed at the next start.</source>
            <translation>Temporary channel #{name} could not be deleted ({reason}); it is removed at the next start.</translation>
        </message>
        <message>
            <source>Temporary channel #{name} not deleted: {error}</source>
            <translation>Temporary channel #{name} not deleted: {error}</translation>
        </message>
        <message>
            <source>Temporary channel {channel} not deleted: {reason}</source>
            <translation>Temporary channel {channel} not deleted: {reason}</translation>
        </message>
        <message>
            <source>Temporary channel {channel} was recorded late.</source>
            <translation>Temporary channel {channel} was recorded late.</translation>
        </message>
        <message>
            <source>The target bot replied in {seconds} s.</source>
            <translation>The target bot replied in {seconds} s.</translation>
        </message>
        <message>
            <source>Unexpected error: {error}</source>
            <translation>Unexpected error: {error}</translation>
        </message>
        <message>
            <source>catch-up</source>
            <translation>catch-up</translation>
        </message>
        <message>
            <source>channel check</source>
            <translation>channel check</translation>
        </message>
        <message>
            <source>manual</source>
            <translation>manual</translation>
        </message>
        <message>
            <source>nothing to do</source>
            <translation>nothing to do</translation>
        </message>
        <message>
            <source>retry</source>
            <translation>retry</translation>
        </message>
        <message>
            <source>scheduled</source>
            <translation>scheduled</translation>
        </message>
        <message>
            <source>send</source>
            <translation>send</translation>
        </message>
        <message>
            <source>verify</source>
            <translation>verify</translation>
        </message>
        <message>
            <source>{count} already done</source>
            <translation>{count} already done</translation>
        </message>
        <message>
            <source>{count} {state}</source>
            <translation>{count} {state}</translation>
        </message>
        <message>
            <source>{first}, {rest}</source>
            <translation>{first}, {rest}</translation>
        </message>
        <message>
            <source>{label}: another machine sent slot {slot} at {time} (message {winner}), just before us; duplicate {message} withdrawn.</source>
            <translation>{label}: another machine sent slot {slot} at {time} (message {winner}), just before us; duplicate {message} withdrawn.</translation>
        </message>
        <message>
            <source>{label}: another machine sent slot {slot} first, and our duplicate {message} could not be withdrawn ({reason}).</source>
            <translation>{label}: another machine sent slot {slot} first, and our duplicate {message} could not be withdrawn ({reason}).</translation>
        </message>
        <message>
            <source>{label}: another process of this home is sending slot {slot} now.</source>
            <translation>{label}: another process of this home is sending slot {slot} now.</translation>
        </message>
        <message>
            <source>{label}: another run is sending slot {slot} now.</source>
            <translation>{label}: another run is sending slot {slot} now.</translation>
        </message>
        <message>
            <source>{label}: could not look for a simultaneous send by another machine ({reason}).</source>
            <translation>{label}: could not look for a simultaneous send by another machine ({reason}).</translation>
        </message>
        <message>
            <source>{label}: slot {slot} was already delivered; not sending again.</source>
            <translation>{label}: slot {slot} was already delivered; not sending again.</translation>
        </message>
        <message>
            <source>{label}: slot {slot} was sent by another machine at {time} (message {message}); not sending.</source>
            <translation>{label}: slot {slot} was sent by another machine at {time} (message {message}); not sending.</translation>
        </message>
        <message>
            <source>{label}: {state} in {seconds} s — {note}</source>
            <translation>{label}: {state} in {seconds} s — {note}</translation>
        </message>
        <message>
            <source>{label}: {state} — {note}</source>
            <translation>{label}: {state} — {note}</translation>
        </message>
        <message>
            <source>{label}: {step}: {state} ({reason}); retry {attempt} in {seconds} s</source>
            <translation>{label}: {step}: {state} ({reason}); retry {attempt} in {seconds} s</translation>
        </message>
        <message>
            <source>{reason}: stopping this run.</source>
            <translation>{reason}: stopping this run.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>Import from coze-discord-proxy…</source>
            <translation>Import from coze-discord-proxy…</translation>
        </message>
        <message>
            <source>Welcome to CDP Desktop</source>
            <translation>Welcome to CDP Desktop</translation>
        </message>
    </context>
    <context>
        <name>GuiApp</name>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Unexpected error: {0}. Details are in the log.</source>
            <translation>Unexpected error: {0}. Details are in the log.</translation>
        </message>
    </context>
    <context>
        <name>Heartbeat</name>
        <message>
            <source>App not running</source>
            <translation>App not running</translation>
        </message>
        <message>
            <source>Channel missing</source>
            <translation>Channel missing</translation>
        </message>
        <message>
            <source>Channel not added yet</source>
            <translation>Channel not added yet</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>Not run for this channel</source>
            <translation>Not run for this channel</translation>
        </message>
        <message>
            <source>Not run yet today</source>
            <translation>Not run yet today</translation>
        </message>
        <message>
            <source>Replied</source>
            <translation>Replied</translation>
        </message>
        <message>
            <source>Sent by another machine</source>
            <translation>Sent by another machine</translation>
        </message>
        <message>
            <source>Sent, no reply</source>
            <translation>Sent, no reply</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <source>another cdp-desktop process is writing {path}; try again in a moment.</source>
            <translation>another cdp-desktop process is writing {path}; try again in a moment.</translation>
        </message>
        <message>
            <source>cannot create {path} ({reason}); check that its folder is writable, or pass --home DIR.</source>
            <translation>cannot create {path} ({reason}); check that its folder is writable, or pass --home DIR.</translation>
        </message>
        <message>
            <source>no send intent recorded for {target} / {slot}</source>
            <translation>no send intent recorded for {target} / {slot}</translation>
        </message>
        <message>
            <source>the disk is full: {path} could not be written; free some space and try again.</source>
            <translation>the disk is full: {path} could not be written; free some space and try again.</translation>
        </message>
        <message>
            <source>{damage} It was moved to {aside}; a new history was started.</source>
            <translation>{damage} It was moved to {aside}; a new history was started.</translation>
        </message>
        <message>
            <source>{damage} Run `cdp-desktop status` (or start the app) to keep it aside and start a new history.</source>
            <translation>{damage} Run `cdp-desktop status` (or start the app) to keep it aside and start a new history.</translation>
        </message>
        <message>
            <source>{path} cannot be opened ({reason}); check that its folder exists and is writable.</source>
            <translation>{path} cannot be opened ({reason}); check that its folder exists and is writable.</translation>
        </message>
        <message>
            <source>{path} could not be read or written ({reason}); check the disk and its free space.</source>
            <translation>{path} could not be read or written ({reason}); check the disk and its free space.</translation>
        </message>
        <message>
            <source>{path} could not be used ({reason}).</source>
            <translation>{path} could not be used ({reason}).</translation>
        </message>
        <message>
            <source>{path} is a folder, not a history database.</source>
            <translation>{path} is a folder, not a history database.</translation>
        </message>
        <message>
            <source>{path} is damaged ({reason}).</source>
            <translation>{path} is damaged ({reason}).</translation>
        </message>
        <message>
            <source>{path} is damaged and could not be moved aside ({reason}); move it away by hand.</source>
            <translation>{path} is damaged and could not be moved aside ({reason}); move it away by hand.</translation>
        </message>
        <message>
            <source>{path} is read-only ({reason}); make it and its folder writable.</source>
            <translation>{path} is read-only ({reason}); make it and its folder writable.</translation>
        </message>
        <message>
            <source>{path} was written by a newer version of CDP Desktop (history schema {version}); upgrade CDP Desktop, or move the file away to start a new history.</source>
            <translation>{path} was written by a newer version of CDP Desktop (history schema {version}); upgrade CDP Desktop, or move the file away to start a new history.</translation>
        </message>
        <message>
            <source>{problem} Channel states and past runs are not shown.</source>
            <translation>{problem} Channel states and past runs are not shown.</translation>
        </message>
    </context>
    <context>
        <name>Lock</name>
        <message>
            <source>another cdp-desktop process has been changing the configuration for more than {seconds} s (lock {path}); wait for it to finish and try again</source>
            <translation>another cdp-desktop process has been changing the configuration for more than {seconds} s (lock {path}); wait for it to finish and try again</translation>
        </message>
        <message>
            <source>another cdp-desktop process has been re-adding missing channels for more than {seconds} s (lock {path}); wait for it to finish and try again</source>
            <translation>another cdp-desktop process has been re-adding missing channels for more than {seconds} s (lock {path}); wait for it to finish and try again</translation>
        </message>
        <message>
            <source>another cdp-desktop process has held the lock {path} for more than {seconds} s; wait for it to finish and try again</source>
            <translation>another cdp-desktop process has held the lock {path} for more than {seconds} s; wait for it to finish and try again</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;About CDP Desktop</source>
            <translation>&amp;About CDP Desktop</translation>
        </message>
        <message>
            <source>&amp;Add channel…</source>
            <translation>&amp;Add channel…</translation>
        </message>
        <message>
            <source>&amp;Channels</source>
            <translation>&amp;Channels</translation>
        </message>
        <message>
            <source>&amp;Close window</source>
            <translation>&amp;Close window</translation>
        </message>
        <message>
            <source>&amp;Demo</source>
            <translation>&amp;Demo</translation>
        </message>
        <message>
            <source>&amp;Disable</source>
            <translation>&amp;Disable</translation>
        </message>
        <message>
            <source>&amp;Edit channel…</source>
            <translation>&amp;Edit channel…</translation>
        </message>
        <message>
            <source>&amp;Enable</source>
            <translation>&amp;Enable</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Import from coze-discord-proxy…</source>
            <translation>&amp;Import from coze-discord-proxy…</translation>
        </message>
        <message>
            <source>&amp;Pause schedule</source>
            <translation>&amp;Pause schedule</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Remove channel</source>
            <translation>&amp;Remove channel</translation>
        </message>
        <message>
            <source>&amp;Resume schedule</source>
            <translation>&amp;Resume schedule</translation>
        </message>
        <message>
            <source>&amp;Send again now</source>
            <translation>&amp;Send again now</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <source>A keep-alive run is already going.</source>
            <translation>A keep-alive run is already going.</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <source>All {0} channel(s) already got the keep-alive for {1}. Send it again now anyway?</source>
            <translation>All {0} channel(s) already got the keep-alive for {1}. Send it again now anyway?</translation>
        </message>
        <message>
            <source>Bot &amp;token…</source>
            <translation>Bot &amp;token…</translation>
        </message>
        <message>
            <source>Channel &amp;details…</source>
            <translation>Channel &amp;details…</translation>
        </message>
        <message>
            <source>Could not open {0}</source>
            <translation>Could not open {0}</translation>
        </message>
        <message>
            <source>Could not re-create a channel: {0}</source>
            <translation>Could not re-create a channel: {0}</translation>
        </message>
        <message>
            <source>Demo</source>
            <translation>Demo</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>Disable</translation>
        </message>
        <message>
            <source>Discord rejected the bot token, so nothing was sent. Enter a new one in Bot token…</source>
            <translation>Discord rejected the bot token, so nothing was sent. Enter a new one in Bot token…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>Enable</translation>
        </message>
        <message>
            <source>List servers</source>
            <translation>List servers</translation>
        </message>
        <message>
            <source>No bot token is set, so nothing was sent. Enter one in Bot token…</source>
            <translation>No bot token is set, so nothing was sent. Enter one in Bot token…</translation>
        </message>
        <message>
            <source>No channel is missing.</source>
            <translation>No channel is missing.</translation>
        </message>
        <message>
            <source>No channels yet. Click “Add…” to choose one.</source>
            <translation>No channels yet. Click “Add…” to choose one.</translation>
        </message>
        <message>
            <source>Nothing was due</source>
            <translation>Nothing was due</translation>
        </message>
        <message>
            <source>Open &amp;log folder</source>
            <translation>Open &amp;log folder</translation>
        </message>
        <message>
            <source>Re-add &amp;missing channels</source>
            <translation>Re-add &amp;missing channels</translation>
        </message>
        <message>
            <source>Re-add missing channels</source>
            <translation>Re-add missing channels</translation>
        </message>
        <message>
            <source>Re-add missing channels ({0})</source>
            <translation>Re-add missing channels ({0})</translation>
        </message>
        <message>
            <source>Re-adding…</source>
            <translation>Re-adding…</translation>
        </message>
        <message>
            <source>Re-created {0} channel(s).</source>
            <translation>Re-created {0} channel(s).</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Remove channel</source>
            <translation>Remove channel</translation>
        </message>
        <message>
            <source>Run finished: {0}</source>
            <translation>Run finished: {0}</translation>
        </message>
        <message>
            <source>Run keep-alive &amp;now</source>
            <translation>Run keep-alive &amp;now</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>Run now</translation>
        </message>
        <message>
            <source>Running keep-alive…</source>
            <translation>Running keep-alive…</translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>Running…</translation>
        </message>
        <message>
            <source>Send again now</source>
            <translation>Send again now</translation>
        </message>
        <message>
            <source>Sending the keep-alive again…</source>
            <translation>Sending the keep-alive again…</translation>
        </message>
        <message>
            <source>Sending the keep-alive…</source>
            <translation>Sending the keep-alive…</translation>
        </message>
        <message>
            <source>Sent to what was due; {0} channel(s) already had today's keep-alive (Channels → Send again now).</source>
            <translation>Sent to what was due; {0} channel(s) already had today's keep-alive (Channels → Send again now).</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <source>Still starting; try again in a moment.</source>
            <translation>Still starting; try again in a moment.</translation>
        </message>
        <message>
            <source>Stop sending keep-alives to {0}?
The channel itself stays on Discord; only this app forgets it.</source>
            <translation>Stop sending keep-alives to {0}?
The channel itself stays on Discord; only this app forgets it.</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>{text}</source>
            <translation>{text}</translation>
        </message>
    </context>
    <context>
        <name>NetworkError</name>
        <message>
            <source>a network error</source>
            <translation>a network error</translation>
        </message>
        <message>
            <source>the connection was reset</source>
            <translation>the connection was reset</translation>
        </message>
        <message>
            <source>the name {host} could not be resolved (check DNS or the proxy)</source>
            <translation>the name {host} could not be resolved (check DNS or the proxy)</translation>
        </message>
        <message>
            <source>the proxy could not be used (check its address, user name and password)</source>
            <translation>the proxy could not be used (check its address, user name and password)</translation>
        </message>
        <message>
            <source>the secure connection to {address} failed (TLS certificate or protocol)</source>
            <translation>the secure connection to {address} failed (TLS certificate or protocol)</translation>
        </message>
        <message>
            <source>the server closed the connection</source>
            <translation>the server closed the connection</translation>
        </message>
        <message>
            <source>{address} cannot be reached from this network</source>
            <translation>{address} cannot be reached from this network</translation>
        </message>
        <message>
            <source>{address} did not answer in time</source>
            <translation>{address} did not answer in time</translation>
        </message>
        <message>
            <source>{address} refused the connection</source>
            <translation>{address} refused the connection</translation>
        </message>
    </context>
    <context>
        <name>Notice</name>
        <message>
            <source>Bot token rejected</source>
            <translation>Bot token rejected</translation>
        </message>
        <message>
            <source>CDP endpoint down</source>
            <translation>CDP endpoint down</translation>
        </message>
        <message>
            <source>CDP endpoint up again</source>
            <translation>CDP endpoint up again</translation>
        </message>
        <message>
            <source>Channel missing on Discord</source>
            <translation>Channel missing on Discord</translation>
        </message>
        <message>
            <source>Discord unreachable</source>
            <translation>Discord unreachable</translation>
        </message>
        <message>
            <source>Enter a new token from the Discord Developer Portal.</source>
            <translation>Enter a new token from the Discord Developer Portal.</translation>
        </message>
        <message>
            <source>Keep-alive failed</source>
            <translation>Keep-alive failed</translation>
        </message>
        <message>
            <source>Keep-alive working again</source>
            <translation>Keep-alive working again</translation>
        </message>
        <message>
            <source>Lost access to a channel</source>
            <translation>Lost access to a channel</translation>
        </message>
        <message>
            <source>Scheduler stopped</source>
            <translation>Scheduler stopped</translation>
        </message>
        <message>
            <source>Target bot did not reply</source>
            <translation>Target bot did not reply</translation>
        </message>
        <message>
            <source>The bot cannot see or write to {channel}.</source>
            <translation>The bot cannot see or write to {channel}.</translation>
        </message>
        <message>
            <source>The bot cannot see or write to {count} channels ({channels}).</source>
            <translation>The bot cannot see or write to {count} channels ({channels}).</translation>
        </message>
        <message>
            <source>The keep-alive for {channel} did not go out.</source>
            <translation>The keep-alive for {channel} did not go out.</translation>
        </message>
        <message>
            <source>The keep-alive for {channel} did not go out. Retrying at {retry}.</source>
            <translation>The keep-alive for {channel} did not go out. Retrying at {retry}.</translation>
        </message>
        <message>
            <source>The keep-alive for {count} channels did not go out.</source>
            <translation>The keep-alive for {count} channels did not go out.</translation>
        </message>
        <message>
            <source>The keep-alive for {count} channels did not go out. Retrying at {retry}.</source>
            <translation>The keep-alive for {count} channels did not go out. Retrying at {retry}.</translation>
        </message>
        <message>
            <source>The scheduler stopped unexpectedly; see the log.</source>
            <translation>The scheduler stopped unexpectedly; see the log.</translation>
        </message>
        <message>
            <source>The target bot did not answer in {channel}.</source>
            <translation>The target bot did not answer in {channel}.</translation>
        </message>
        <message>
            <source>The target bots did not answer in {count} channels ({channels}).</source>
            <translation>The target bots did not answer in {count} channels ({channels}).</translation>
        </message>
        <message>
            <source>{channel} could not be reached.</source>
            <translation>{channel} could not be reached.</translation>
        </message>
        <message>
            <source>{channel} could not be reached. Retrying at {retry}.</source>
            <translation>{channel} could not be reached. Retrying at {retry}.</translation>
        </message>
        <message>
            <source>{channel} is working again.</source>
            <translation>{channel} is working again.</translation>
        </message>
        <message>
            <source>{channel} no longer exists on Discord. Use “Re-add missing channels”.</source>
            <translation>{channel} no longer exists on Discord. Use “Re-add missing channels”.</translation>
        </message>
        <message>
            <source>{count} channels are working again.</source>
            <translation>{count} channels are working again.</translation>
        </message>
        <message>
            <source>{count} channels could not be reached.</source>
            <translation>{count} channels could not be reached.</translation>
        </message>
        <message>
            <source>{count} channels could not be reached. Retrying at {retry}.</source>
            <translation>{count} channels could not be reached. Retrying at {retry}.</translation>
        </message>
        <message>
            <source>{count} channels no longer exist on Discord ({channels}). Use “Re-add missing channels”.</source>
            <translation>{count} channels no longer exist on Discord ({channels}). Use “Re-add missing channels”.</translation>
        </message>
        <message>
            <source>{first}, {rest}</source>
            <translation>{first}, {rest}</translation>
        </message>
        <message>
            <source>{first}, …</source>
            <translation>{first}, …</translation>
        </message>
        <message>
            <source>{title}: {body}</source>
            <translation>{title}: {body}</translation>
        </message>
        <message>
            <source>{url}: {state}</source>
            <translation>{url}: {state}</translation>
        </message>
    </context>
    <context>
        <name>Notifications</name>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
    </context>
    <context>
        <name>Presence</name>
        <message>
            <source>Discord has not reported this bot in the server</source>
            <translation>Discord has not reported this bot in the server</translation>
        </message>
        <message>
            <source>Discord refused the Server Members and Presence intents (gateway close 4014); enable them for the bot in the Developer Portal</source>
            <translation>Discord refused the Server Members and Presence intents (gateway close 4014); enable them for the bot in the Developer Portal</translation>
        </message>
        <message>
            <source>not connected to Discord</source>
            <translation>not connected to Discord</translation>
        </message>
        <message>
            <source>presence intents are off in the settings</source>
            <translation>presence intents are off in the settings</translation>
        </message>
    </context>
    <context>
        <name>ProxyTest</name>
        <message>
            <source>Reached {api} through {proxy}.</source>
            <translation>Reached {api} through {proxy}.</translation>
        </message>
        <message>
            <source>Reached {api}.</source>
            <translation>Reached {api}.</translation>
        </message>
        <message>
            <source>{api}: {reason}</source>
            <translation>{api}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>Readd</name>
        <message numerus="yes">
            <source>%n channel(s) recreated, {failed} failed.</source>
            <translation>
                <numerusform>%n channel recreated, {failed} failed.</numerusform>
                <numerusform>%n channels recreated, {failed} failed.</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not check the channel: {reason}</source>
            <translation>Could not check the channel: {reason}</translation>
        </message>
        <message>
            <source>No configured channel is missing.</source>
            <translation>No configured channel is missing.</translation>
        </message>
        <message>
            <source>Not attempted: {reason}</source>
            <translation>Not attempted: {reason}</translation>
        </message>
        <message>
            <source>Rebound to the channel recreated earlier.</source>
            <translation>Rebound to the channel recreated earlier.</translation>
        </message>
        <message>
            <source>Recreated as {channel}, but the configuration could not be saved ({error}); run re-add again to bind it.</source>
            <translation>Recreated as {channel}, but the configuration could not be saved ({error}); run re-add again to bind it.</translation>
        </message>
        <message>
            <source>Recreated.</source>
            <translation>Recreated.</translation>
        </message>
        <message>
            <source>The bot cannot access this server or category. Check its roles and try again.</source>
            <translation>The bot cannot access this server or category. Check its roles and try again.</translation>
        </message>
        <message>
            <source>The bot lacks the Manage Channels permission in this server. Grant it and try again.</source>
            <translation>The bot lacks the Manage Channels permission in this server. Grant it and try again.</translation>
        </message>
        <message>
            <source>The server already has 500 channels, Discord's maximum. Delete a channel there and try again.</source>
            <translation>The server already has 500 channels, Discord's maximum. Delete a channel there and try again.</translation>
        </message>
        <message>
            <source>Unknown server: the bot is no longer a member of it. Invite the bot again or remove the channel.</source>
            <translation>Unknown server: the bot is no longer a member of it. Invite the bot again or remove the channel.</translation>
        </message>
        <message>
            <source>{label}: not recreated: {reason}</source>
            <translation>{label}: not recreated: {reason}</translation>
        </message>
        <message>
            <source>{label}: rebound to the channel recreated earlier ({old} → {new}).</source>
            <translation>{label}: rebound to the channel recreated earlier ({old} → {new}).</translation>
        </message>
        <message>
            <source>{label}: recreated ({old} → {new}).</source>
            <translation>{label}: recreated ({old} → {new}).</translation>
        </message>
    </context>
    <context>
        <name>RunDetailView</name>
        <message>
            <source> ({seconds} s)</source>
            <translation> ({seconds} s)</translation>
        </message>
        <message>
            <source>Select a run to see what happened.</source>
            <translation>Select a run to see what happened.</translation>
        </message>
        <message>
            <source>{trigger} run {when} — for the keep-alive due {slot}</source>
            <translation>{trigger} run {when} — for the keep-alive due {slot}</translation>
        </message>
    </context>
    <context>
        <name>RunsModel</name>
        <message>
            <source>Aborted</source>
            <translation>Aborted</translation>
        </message>
        <message>
            <source>Catch-up</source>
            <translation>Catch-up</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>Channels</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>For the keep-alive due {0}</source>
            <translation>For the keep-alive due {0}</translation>
        </message>
        <message>
            <source>Manual</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Re-add</source>
            <translation>Re-add</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Running</translation>
        </message>
        <message>
            <source>Scheduled</source>
            <translation>Scheduled</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Started</translation>
        </message>
        <message>
            <source>Trigger</source>
            <translation>Trigger</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warning</translation>
        </message>
        <message>
            <source>nothing was due</source>
            <translation>nothing was due</translation>
        </message>
    </context>
    <context>
        <name>RunsPanel</name>
        <message>
            <source>Open log folder</source>
            <translation>Open log folder</translation>
        </message>
        <message>
            <source>Recent runs</source>
            <translation>Recent runs</translation>
        </message>
    </context>
    <context>
        <name>SchedulePage</name>
        <message>
            <source>Daily at:</source>
            <translation>Daily at:</translation>
        </message>
        <message>
            <source>More options are in Settings.</source>
            <translation>More options are in Settings.</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Schedule</translation>
        </message>
        <message>
            <source>The keep-alive is sent once a day at this time, plus a small random delay.</source>
            <translation>The keep-alive is sent once a day at this time, plus a small random delay.</translation>
        </message>
        <message>
            <source>Time zone:</source>
            <translation>Time zone:</translation>
        </message>
    </context>
    <context>
        <name>Service</name>
        <message>
            <source>Could not connect to Discord ({detail}). Check the network, proxy_url and api_base_url.</source>
            <translation>Could not connect to Discord ({detail}). Check the network, proxy_url and api_base_url.</translation>
        </message>
        <message>
            <source>Could not connect to Discord. Check the network, proxy_url and api_base_url.</source>
            <translation>Could not connect to Discord. Check the network, proxy_url and api_base_url.</translation>
        </message>
        <message>
            <source>Discord rejected the bot token. Set a new one with `cdp-desktop token set`.</source>
            <translation>Discord rejected the bot token. Set a new one with `cdp-desktop token set`.</translation>
        </message>
        <message>
            <source>No bot token is set. Run `cdp-desktop token set` or use the Token dialog.</source>
            <translation>No bot token is set. Run `cdp-desktop token set` or use the Token dialog.</translation>
        </message>
    </context>
    <context>
        <name>ServiceBridge</name>
        <message>
            <source>{action} failed: {error}</source>
            <translation>{action} failed: {error}</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>{mention} daily keep-alive · {date} {time}</source>
            <translation>{mention} daily keep-alive · {date} {time}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>A new language applies after CDP Desktop restarts.</source>
            <translation>A new language applies after CDP Desktop restarts.</translation>
        </message>
        <message>
            <source>A random delay of up to this many seconds after the scheduled time.</source>
            <translation>A random delay of up to this many seconds after the scheduled time.</translation>
        </message>
        <message>
            <source>API base URL:</source>
            <translation>API base URL:</translation>
        </message>
        <message>
            <source>Catch up a missed run (computer asleep or offline)</source>
            <translation>Catch up a missed run (computer asleep or offline)</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Connection</translation>
        </message>
        <message>
            <source>Could not change the login item: {0}</source>
            <translation>Could not change the login item: {0}</translation>
        </message>
        <message>
            <source>Daily at:</source>
            <translation>Daily at:</translation>
        </message>
        <message>
            <source>Desktop</source>
            <translation>Desktop</translation>
        </message>
        <message>
            <source>Failed: {0}</source>
            <translation>Failed: {0}</translation>
        </message>
        <message>
            <source>How long to wait for the target bot's reply (0: do not wait).</source>
            <translation>How long to wait for the target bot's reply (0: do not wait).</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Language:</translation>
        </message>
        <message>
            <source>Message:</source>
            <translation>Message:</translation>
        </message>
        <message>
            <source>Needs the Server Members and Presence intents enabled for your bot in the Discord Developer Portal (Applications → your app → Bot → Privileged Gateway Intents). Without them, the reply check is used instead.</source>
            <translation>Needs the Server Members and Presence intents enabled for your bot in the Discord Developer Portal (Applications → your app → Bot → Privileged Gateway Intents). Without them, the reply check is used instead.</translation>
        </message>
        <message>
            <source>Not available on this system yet.</source>
            <translation>Not available on this system yet.</translation>
        </message>
        <message>
            <source>Not saved: {0}</source>
            <translation>Not saved: {0}</translation>
        </message>
        <message>
            <source>Placeholders: {mention} (the target bot), {date}, {time}, {channel}.</source>
            <translation>Placeholders: {mention} (the target bot), {date}, {time}, {channel}.</translation>
        </message>
        <message>
            <source>Proxy:</source>
            <translation>Proxy:</translation>
        </message>
        <message>
            <source>Random delay:</source>
            <translation>Random delay:</translation>
        </message>
        <message>
            <source>Reach the Discord API through this proxy.</source>
            <translation>Reach the Discord API through this proxy.</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Schedule</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Show desktop notifications when something fails</source>
            <translation>Show desktop notifications when something fails</translation>
        </message>
        <message>
            <source>Show whether target bots are online (presence intents)</source>
            <translation>Show whether target bots are online (presence intents)</translation>
        </message>
        <message>
            <source>Start CDP Desktop when I log in</source>
            <translation>Start CDP Desktop when I log in</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>Test</source>
            <translation>Test</translation>
        </message>
        <message>
            <source>Time zone:</source>
            <translation>Time zone:</translation>
        </message>
        <message>
            <source>Wait for reply:</source>
            <translation>Wait for reply:</translation>
        </message>
        <message>
            <source>Works: {0}</source>
            <translation>Works: {0}</translation>
        </message>
        <message>
            <source>none, e.g. http://127.0.0.1:7890 or socks5://127.0.0.1:1080</source>
            <translation>none, e.g. http://127.0.0.1:7890 or socks5://127.0.0.1:1080</translation>
        </message>
    </context>
    <context>
        <name>State</name>
        <message>
            <source>Check that the target bot is online and answers mentions from other bots (Coze may ignore bots).</source>
            <translation>Check that the target bot is online and answers mentions from other bots (Coze may ignore bots).</translation>
        </message>
        <message>
            <source>Check the network connection and the proxy setting; the app retries.</source>
            <translation>Check the network connection and the proxy setting; the app retries.</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>Disabled</translation>
        </message>
        <message>
            <source>Discord could not be reached.</source>
            <translation>Discord could not be reached.</translation>
        </message>
        <message>
            <source>Discord down</source>
            <translation>Discord down</translation>
        </message>
        <message>
            <source>Discord is rate limiting the bot.</source>
            <translation>Discord is rate limiting the bot.</translation>
        </message>
        <message>
            <source>Discord refused the privileged intents the app asked for.</source>
            <translation>Discord refused the privileged intents the app asked for.</translation>
        </message>
        <message>
            <source>Discord rejected the bot token.</source>
            <translation>Discord rejected the bot token.</translation>
        </message>
        <message>
            <source>Discord returned a server error.</source>
            <translation>Discord returned a server error.</translation>
        </message>
        <message>
            <source>Enable the Server Members and Presence intents in the Developer Portal.</source>
            <translation>Enable the Server Members and Presence intents in the Developer Portal.</translation>
        </message>
        <message>
            <source>Enter a new token from the Discord Developer Portal.</source>
            <translation>Enter a new token from the Discord Developer Portal.</translation>
        </message>
        <message>
            <source>Give the bot View Channel and Send Messages in this channel.</source>
            <translation>Give the bot View Channel and Send Messages in this channel.</translation>
        </message>
        <message>
            <source>Intents missing</source>
            <translation>Intents missing</translation>
        </message>
        <message>
            <source>Keep-alive message sent.</source>
            <translation>Keep-alive message sent.</translation>
        </message>
        <message>
            <source>Keep-alive sent and the target bot replied.</source>
            <translation>Keep-alive sent and the target bot replied.</translation>
        </message>
        <message>
            <source>Keep-alive sent, but the target bot did not reply in time.</source>
            <translation>Keep-alive sent, but the target bot did not reply in time.</translation>
        </message>
        <message>
            <source>Keep-alive sent; the reply check did not finish, so whether the target bot replied is unknown.</source>
            <translation>Keep-alive sent; the reply check did not finish, so whether the target bot replied is unknown.</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Missing</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>Network</translation>
        </message>
        <message>
            <source>No access</source>
            <translation>No access</translation>
        </message>
        <message>
            <source>No reply</source>
            <translation>No reply</translation>
        </message>
        <message>
            <source>Not run yet for the current day.</source>
            <translation>Not run yet for the current day.</translation>
        </message>
        <message>
            <source>Nothing to do: the app retries later today.</source>
            <translation>Nothing to do: the app retries later today.</translation>
        </message>
        <message>
            <source>Other machine</source>
            <translation>Other machine</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>Rate limited</source>
            <translation>Rate limited</translation>
        </message>
        <message>
            <source>Replied</source>
            <translation>Replied</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>Sent by another machine or process for this day (found in the channel); nothing more was sent.</source>
            <translation>Sent by another machine or process for this day (found in the channel); nothing more was sent.</translation>
        </message>
        <message>
            <source>Sent, reply unknown</source>
            <translation>Sent, reply unknown</translation>
        </message>
        <message>
            <source>The bot cannot see or write to this channel.</source>
            <translation>The bot cannot see or write to this channel.</translation>
        </message>
        <message>
            <source>The channel is disabled.</source>
            <translation>The channel is disabled.</translation>
        </message>
        <message>
            <source>The channel no longer exists on Discord.</source>
            <translation>The channel no longer exists on Discord.</translation>
        </message>
        <message>
            <source>Token invalid</source>
            <translation>Token invalid</translation>
        </message>
        <message>
            <source>Use “Re-add missing channels” to recreate it.</source>
            <translation>Use “Re-add missing channels” to recreate it.</translation>
        </message>
        <message>
            <source>discord_unavailable</source>
            <translation>discord_unavailable</translation>
        </message>
        <message>
            <source>intents_missing</source>
            <translation>intents_missing</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>missing</translation>
        </message>
        <message>
            <source>network</source>
            <translation>network</translation>
        </message>
        <message>
            <source>no_access</source>
            <translation>no_access</translation>
        </message>
        <message>
            <source>no_reply</source>
            <translation>no_reply</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>ok</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>pending</translation>
        </message>
        <message>
            <source>rate_limited</source>
            <translation>rate_limited</translation>
        </message>
        <message>
            <source>replied</source>
            <translation>replied</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>sent</translation>
        </message>
        <message>
            <source>sent_elsewhere</source>
            <translation>sent_elsewhere</translation>
        </message>
        <message>
            <source>skipped_disabled</source>
            <translation>skipped_disabled</translation>
        </message>
        <message>
            <source>token_invalid</source>
            <translation>token_invalid</translation>
        </message>
        <message>
            <source>{what} {fix}</source>
            <translation>{what} {fix}</translation>
        </message>
    </context>
    <context>
        <name>StateName</name>
        <message>
            <source>Discord down</source>
            <translation>Discord down</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>disabled</translation>
        </message>
        <message>
            <source>intents missing</source>
            <translation>intents missing</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>missing</translation>
        </message>
        <message>
            <source>network</source>
            <translation>network</translation>
        </message>
        <message>
            <source>no access</source>
            <translation>no access</translation>
        </message>
        <message>
            <source>no reply</source>
            <translation>no reply</translation>
        </message>
        <message>
            <source>other machine</source>
            <translation>other machine</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>pending</translation>
        </message>
        <message>
            <source>rate limited</source>
            <translation>rate limited</translation>
        </message>
        <message>
            <source>replied</source>
            <translation>replied</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>sent</translation>
        </message>
        <message>
            <source>sent, reply unknown</source>
            <translation>sent, reply unknown</translation>
        </message>
        <message>
            <source>token invalid</source>
            <translation>token invalid</translation>
        </message>
    </context>
    <context>
        <name>StatusHeader</name>
        <message>
            <source>Connected</source>
            <translation>Connected</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Last run {when}: {summary}</source>
            <translation>Last run {when}: {summary}</translation>
        </message>
        <message>
            <source>Next run due now ({0})</source>
            <translation>Next run due now ({0})</translation>
        </message>
        <message>
            <source>Next run in {countdown} (at {time})</source>
            <translation>Next run in {countdown} (at {time})</translation>
        </message>
        <message>
            <source>No bot token</source>
            <translation>No bot token</translation>
        </message>
        <message>
            <source>No run scheduled</source>
            <translation>No run scheduled</translation>
        </message>
        <message>
            <source>No runs yet</source>
            <translation>No runs yet</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Paused</translation>
        </message>
        <message>
            <source>Privileged intents not enabled</source>
            <translation>Privileged intents not enabled</translation>
        </message>
        <message>
            <source>Reconnecting…</source>
            <translation>Reconnecting…</translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>Running…</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <source>Token rejected by Discord</source>
            <translation>Token rejected by Discord</translation>
        </message>
        <message>
            <source>Waiting for the network</source>
            <translation>Waiting for the network</translation>
        </message>
        <message>
            <source>nothing was due</source>
            <translation>nothing was due</translation>
        </message>
        <message>
            <source>{state} · via proxy {proxy}</source>
            <translation>{state} · via proxy {proxy}</translation>
        </message>
        <message>
            <source>{state} · via proxy {proxy} · {reason}</source>
            <translation>{state} · via proxy {proxy} · {reason}</translation>
        </message>
        <message>
            <source>{state} · {reason}</source>
            <translation>{state} · {reason}</translation>
        </message>
    </context>
    <context>
        <name>TimeZoneCombo</name>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>System ({0})</source>
            <translation>System ({0})</translation>
        </message>
    </context>
    <context>
        <name>TokenDialog</name>
        <message>
            <source>Bot token</source>
            <translation>Bot token</translation>
        </message>
    </context>
    <context>
        <name>TokenPage</name>
        <message>
            <source>Bot token</source>
            <translation>Bot token</translation>
        </message>
        <message>
            <source>CDP Desktop posts the keep-alive as your Discord bot.</source>
            <translation>CDP Desktop posts the keep-alive as your Discord bot.</translation>
        </message>
    </context>
    <context>
        <name>TokenPanel</name>
        <message>
            <source>A token is stored. Enter a new one to replace it.</source>
            <translation>A token is stored. Enter a new one to replace it.</translation>
        </message>
        <message>
            <source>Bot token</source>
            <translation>Bot token</translation>
        </message>
        <message>
            <source>Clear token</source>
            <translation>Clear token</translation>
        </message>
        <message>
            <source>Clear token…</source>
            <translation>Clear token…</translation>
        </message>
        <message>
            <source>Log in with this token until CDP Desktop quits, without storing it anywhere.</source>
            <translation>Log in with this token until CDP Desktop quits, without storing it anywhere.</translation>
        </message>
        <message>
            <source>Logged in as {0}, but the keyring could not store the token: it is used for this session only.</source>
            <translation>Logged in as {0}, but the keyring could not store the token: it is used for this session only.</translation>
        </message>
        <message>
            <source>Logged in as {0}. The token is saved in the system keyring.</source>
            <translation>Logged in as {0}. The token is saved in the system keyring.</translation>
        </message>
        <message>
            <source>Logged in as {0}. The token is used for this session only.</source>
            <translation>Logged in as {0}. The token is used for this session only.</translation>
        </message>
        <message>
            <source>Logging in to Discord…</source>
            <translation>Logging in to Discord…</translation>
        </message>
        <message>
            <source>No keyring is available to store the token (start GNOME Keyring or KWallet in your desktop session). You can still use the token for this session only: it is kept in memory and never written to a file.</source>
            <translation>No keyring is available to store the token (start GNOME Keyring or KWallet in your desktop session). You can still use the token for this session only: it is kept in memory and never written to a file.</translation>
        </message>
        <message>
            <source>Paste the bot token from the Discord Developer Portal (Applications → your app → Bot → Reset Token). It is checked by logging in, then stored in the system keyring.</source>
            <translation>Paste the bot token from the Discord Developer Portal (Applications → your app → Bot → Reset Token). It is checked by logging in, then stored in the system keyring.</translation>
        </message>
        <message>
            <source>Remove the bot token from the keyring? CDP Desktop goes offline until you enter a new one.</source>
            <translation>Remove the bot token from the keyring? CDP Desktop goes offline until you enter a new one.</translation>
        </message>
        <message>
            <source>Removing the token…</source>
            <translation>Removing the token…</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Something went wrong: {0}</source>
            <translation>Something went wrong: {0}</translation>
        </message>
        <message>
            <source>Still working… If your desktop asks for the keyring password, unlock it; the window stays usable meanwhile.</source>
            <translation>Still working… If your desktop asks for the keyring password, unlock it; the window stays usable meanwhile.</translation>
        </message>
        <message>
            <source>The keyring is locked. Saving will ask your desktop to unlock it.</source>
            <translation>The keyring is locked. Saving will ask your desktop to unlock it.</translation>
        </message>
        <message>
            <source>The token was removed.</source>
            <translation>The token was removed.</translation>
        </message>
        <message>
            <source>Use for this session only</source>
            <translation>Use for this session only</translation>
        </message>
        <message>
            <source>Validate &amp;&amp; save</source>
            <translation>Validate &amp;&amp; save</translation>
        </message>
        <message>
            <source>Waiting for the keyring to unlock…</source>
            <translation>Waiting for the keyring to unlock…</translation>
        </message>
        <message>
            <source>the bot</source>
            <translation>the bot</translation>
        </message>
    </context>
    <context>
        <name>TokenShape</name>
        <message>
            <source>A bot token has three parts separated by dots; this text has {parts}. Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</source>
            <translation>A bot token has three parts separated by dots; this text has {parts}. Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</translation>
        </message>
        <message>
            <source>The first part of a bot token encodes the bot's user ID, and this one does not; it may be the client secret or the public key instead. Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</source>
            <translation>The first part of a bot token encodes the bot's user ID, and this one does not; it may be the client secret or the public key instead. Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</translation>
        </message>
        <message>
            <source>The token contains characters a bot token cannot have (only letters, digits, - and _ between the dots). Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</source>
            <translation>The token contains characters a bot token cannot have (only letters, digits, - and _ between the dots). Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</translation>
        </message>
        <message>
            <source>The token is empty. Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</source>
            <translation>The token is empty. Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</translation>
        </message>
        <message>
            <source>The token is too long ({length} characters; bot tokens have about 70). Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</source>
            <translation>The token is too long ({length} characters; bot tokens have about 70). Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</translation>
        </message>
    </context>
    <context>
        <name>TokenStore</name>
        <message>
            <source>No bot token is stored yet; enter one (cdp-desktop token set).</source>
            <translation>No bot token is stored yet; enter one (cdp-desktop token set).</translation>
        </message>
        <message>
            <source>No keyring is available to store the bot token. Run a Secret Service (GNOME Keyring or KWallet) in your desktop session (macOS Keychain and Windows Credential Manager work out of the box), or set {env} for this process. The token is never stored in a plain file.</source>
            <translation>No keyring is available to store the bot token. Run a Secret Service (GNOME Keyring or KWallet) in your desktop session (macOS Keychain and Windows Credential Manager work out of the box), or set {env} for this process. The token is never stored in a plain file.</translation>
        </message>
        <message>
            <source>No proxy secret is stored (cdp-desktop cdp-secret set).</source>
            <translation>No proxy secret is stored (cdp-desktop cdp-secret set).</translation>
        </message>
        <message>
            <source>No proxy secret was stored.</source>
            <translation>No proxy secret was stored.</translation>
        </message>
        <message>
            <source>No token was stored.</source>
            <translation>No token was stored.</translation>
        </message>
        <message>
            <source>No token was stored. {env} is still set for this process.</source>
            <translation>No token was stored. {env} is still set for this process.</translation>
        </message>
        <message>
            <source>Proxy secret read from {backend}.</source>
            <translation>Proxy secret read from {backend}.</translation>
        </message>
        <message>
            <source>Proxy secret removed from {backend}.</source>
            <translation>Proxy secret removed from {backend}.</translation>
        </message>
        <message>
            <source>Proxy secret saved in {backend}.</source>
            <translation>Proxy secret saved in {backend}.</translation>
        </message>
        <message>
            <source>Proxy secret saved in {backend}. {env} is set and still takes precedence in this process.</source>
            <translation>Proxy secret saved in {backend}. {env} is set and still takes precedence in this process.</translation>
        </message>
        <message>
            <source>Proxy secret taken from {env}.</source>
            <translation>Proxy secret taken from {env}.</translation>
        </message>
        <message>
            <source>That is not a proxy secret (one line, at most 500 characters).</source>
            <translation>That is not a proxy secret (one line, at most 500 characters).</translation>
        </message>
        <message>
            <source>The keyring ({backend}) did not keep the proxy secret.</source>
            <translation>The keyring ({backend}) did not keep the proxy secret.</translation>
        </message>
        <message>
            <source>The keyring ({backend}) did not keep the token. No keyring is available to store the bot token. Run a Secret Service (GNOME Keyring or KWallet) in your desktop session (macOS Keychain and Windows Credential Manager work out of the box), or set {env} for this process. The token is never stored in a plain file.</source>
            <translation>The keyring ({backend}) did not keep the token. No keyring is available to store the bot token. Run a Secret Service (GNOME Keyring or KWallet) in your desktop session (macOS Keychain and Windows Credential Manager work out of the box), or set {env} for this process. The token is never stored in a plain file.</translation>
        </message>
        <message>
            <source>The keyring ({backend}) failed: {detail}. Set {env} to use a token without it.</source>
            <translation>The keyring ({backend}) failed: {detail}. Set {env} to use a token without it.</translation>
        </message>
        <message>
            <source>The keyring did not answer within {seconds} s; it is probably locked or waiting for an unlock prompt. Unlock it and try again, or set {env} for this process.</source>
            <translation>The keyring did not answer within {seconds} s; it is probably locked or waiting for an unlock prompt. Unlock it and try again, or set {env} for this process.</translation>
        </message>
        <message>
            <source>The keyring failed: {detail}</source>
            <translation>The keyring failed: {detail}</translation>
        </message>
        <message>
            <source>The keyring is locked or could not be opened ({detail}). Unlock it (for example by logging in to the desktop session) and try again, or set {env} for this process.</source>
            <translation>The keyring is locked or could not be opened ({detail}). Unlock it (for example by logging in to the desktop session) and try again, or set {env} for this process.</translation>
        </message>
        <message>
            <source>The proxy secret is empty; give CDP's PROXY_SECRET value.</source>
            <translation>The proxy secret is empty; give CDP's PROXY_SECRET value.</translation>
        </message>
        <message>
            <source>Token read from {backend}.</source>
            <translation>Token read from {backend}.</translation>
        </message>
        <message>
            <source>Token removed from {backend}.</source>
            <translation>Token removed from {backend}.</translation>
        </message>
        <message>
            <source>Token removed from {backend}. {env} is still set for this process.</source>
            <translation>Token removed from {backend}. {env} is still set for this process.</translation>
        </message>
        <message>
            <source>Token saved in {backend}.</source>
            <translation>Token saved in {backend}.</translation>
        </message>
        <message>
            <source>Token saved in {backend}. {env} is set and still takes precedence in this process.</source>
            <translation>Token saved in {backend}. {env} is set and still takes precedence in this process.</translation>
        </message>
        <message>
            <source>Token taken from {env}.</source>
            <translation>Token taken from {env}.</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>All channels OK</source>
            <translation>All channels OK</translation>
        </message>
        <message>
            <source>Demo</source>
            <translation>Demo</translation>
        </message>
        <message>
            <source>Keep-alive failing</source>
            <translation>Keep-alive failing</translation>
        </message>
        <message>
            <source>Last run {when}: {summary}</source>
            <translation>Last run {when}: {summary}</translation>
        </message>
        <message>
            <source>Next run: {0}</source>
            <translation>Next run: {0}</translation>
        </message>
        <message>
            <source>No runs yet</source>
            <translation>No runs yet</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Open CDP Desktop</source>
            <translation>Open CDP Desktop</translation>
        </message>
        <message>
            <source>Pause schedule</source>
            <translation>Pause schedule</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Paused</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Re-add missing channels</source>
            <translation>Re-add missing channels</translation>
        </message>
        <message>
            <source>Re-add missing channels ({0})</source>
            <translation>Re-add missing channels ({0})</translation>
        </message>
        <message>
            <source>Resume schedule</source>
            <translation>Resume schedule</translation>
        </message>
        <message>
            <source>Run keep-alive now</source>
            <translation>Run keep-alive now</translation>
        </message>
        <message>
            <source>Schedule paused</source>
            <translation>Schedule paused</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <source>Some channels need attention</source>
            <translation>Some channels need attention</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <source>Still running in the tray: the keep-alive goes out on time. Click the icon to open the window; Quit is in its menu.</source>
            <translation>Still running in the tray: the keep-alive goes out on time. Click the icon to open the window; Quit is in its menu.</translation>
        </message>
        <message>
            <source>nothing was due</source>
            <translation>nothing was due</translation>
        </message>
        <message>
            <source>{0} missing</source>
            <translation>{0} missing</translation>
        </message>
    </context>
    <context>
        <name>ValidatedLineEdit</name>
        <message>
            <source>Required.</source>
            <translation>Required.</translation>
        </message>
    </context>
    <context>
        <name>argparse</name>
        <message>
            <source>%(heading)s:</source>
            <translation>%(heading)s:</translation>
        </message>
        <message>
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>ambiguous option: %(option)s could match %(matches)s</translation>
        </message>
        <message>
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>argument %(argument_name)s: %(message)s</translation>
        </message>
        <message>
            <source>expected %s argument</source>
            <translation>expected %s argument</translation>
        </message>
        <message>
            <source>expected %s arguments</source>
            <translation>expected %s arguments</translation>
        </message>
        <message>
            <source>expected at least one argument</source>
            <translation>expected at least one argument</translation>
        </message>
        <message>
            <source>expected at most one argument</source>
            <translation>expected at most one argument</translation>
        </message>
        <message>
            <source>expected one argument</source>
            <translation>expected one argument</translation>
        </message>
        <message>
            <source>ignored explicit argument %r</source>
            <translation>ignored explicit argument %r</translation>
        </message>
        <message>
            <source>invalid %(type)s value: %(value)r</source>
            <translation>invalid %(type)s value: %(value)r</translation>
        </message>
        <message>
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>invalid choice: %(value)r (choose from %(choices)s)</translation>
        </message>
        <message>
            <source>not allowed with argument %s</source>
            <translation>not allowed with argument %s</translation>
        </message>
        <message>
            <source>one of the arguments %s is required</source>
            <translation>one of the arguments %s is required</translation>
        </message>
        <message>
            <source>options</source>
            <translation>options</translation>
        </message>
        <message>
            <source>positional arguments</source>
            <translation>positional arguments</translation>
        </message>
        <message>
            <source>show program's version number and exit</source>
            <translation>show program's version number and exit</translation>
        </message>
        <message>
            <source>show this help message and exit</source>
            <translation>show this help message and exit</translation>
        </message>
        <message>
            <source>the following arguments are required: %s</source>
            <translation>the following arguments are required: %s</translation>
        </message>
        <message>
            <source>unrecognized arguments: %s</source>
            <translation>unrecognized arguments: %s</translation>
        </message>
        <message>
            <source>usage: </source>
            <translation>usage: </translation>
        </message>
    </context>
</TS>
