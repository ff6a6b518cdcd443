<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>  {key} = {value}  (unchanged)</source>
            <translation>  {key} = {value}（未变）</translation>
        </message>
        <message>
            <source>  {key} = {value}  (was: {old})</source>
            <translation>  {key} = {value}（原为：{old}）</translation>
        </message>
        <message>
            <source>(system: {zone})</source>
            <translation>（系统：{zone}）</translation>
        </message>
        <message>
            <source>--days must be a whole number of days from 1 to {max}, not {value!r}; e.g. --days 30</source>
            <translation>--days 必须是 1 到 {max} 之间的整数天数，而不是 {value!r}；例如 --days 30</translation>
        </message>
        <message>
            <source>A missed keep-alive is due and runs as soon as the app or daemon is running.</source>
            <translation>有一次错过的保活待补发，应用或守护进程运行后会立即执行。</translation>
        </message>
        <message>
            <source>A token is set (from {env}) and is shaped like a bot token.</source>
            <translation>已设置令牌（来自 {env}），格式像机器人令牌。</translation>
        </message>
        <message>
            <source>A token is set ({backend}) and is shaped like a bot token.</source>
            <translation>已设置令牌（{backend}），格式像机器人令牌。</translation>
        </message>
        <message>
            <source>ACTION</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Added: {line}</source>
            <translation>已添加：{line}</translation>
        </message>
        <message>
            <source>BOT_TOKEN ({where}) was not read; run again with --token to store it in the system keyring.</source>
            <translation>未读取 BOT_TOKEN（{where}）；如需保存到系统密钥环，请加 --token 重新运行。</translation>
        </message>
        <message>
            <source>Bot token (input is hidden): </source>
            <translation>机器人令牌（输入不会显示）：</translation>
        </message>
        <message>
            <source>CDP endpoint: {state} ({detail}), checked {when}</source>
            <translation>CDP 接口：{state}（{detail}），检查于 {when}</translation>
        </message>
        <message>
            <source>CDP endpoint: {url} not checked yet (it is checked after each keep-alive run)</source>
            <translation>CDP 接口：{url} 尚未检查（每次保活运行后检查）</translation>
        </message>
        <message>
            <source>CDP folder, docker-compose.yml, .env or bot_config.json</source>
            <translation>CDP 文件夹、docker-compose.yml、.env 或 bot_config.json</translation>
        </message>
        <message>
            <source>COMMAND</source>
            <translation>命令</translation>
        </message>
        <message>
            <source>Channel ID: {0}</source>
            <translation>频道 ID：{0}</translation>
        </message>
        <message>
            <source>Channel details — {0}</source>
            <translation>频道详情 — {0}</translation>
        </message>
        <message>
            <source>Channels: {total} configured, {enabled} enabled</source>
            <translation>频道：已配置 {total} 个，已启用 {enabled} 个</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Configuration: {path}</source>
            <translation>配置文件：{path}</translation>
        </message>
        <message>
            <source>Connecting to Discord…</source>
            <translation>正在连接 Discord…</translation>
        </message>
        <message>
            <source>Current state</source>
            <translation>当前状态</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Disabled {label}.</source>
            <translation>已停用 {label}。</translation>
        </message>
        <message>
            <source>Discord error code {0}</source>
            <translation>Discord 错误代码 {0}</translation>
        </message>
        <message>
            <source>Dry run: nothing was changed. An import would add {count} channel(s) and set: {settings}.</source>
            <translation>试运行：未做任何更改。导入将添加 {count} 个频道，并设置：{settings}。</translation>
        </message>
        <message>
            <source>Earlier that day: {0}</source>
            <translation>当天较早时：{0}</translation>
        </message>
        <message>
            <source>Enabled {label}.</source>
            <translation>已启用 {label}。</translation>
        </message>
        <message>
            <source>Icons: {path}</source>
            <translation>图标：{path}</translation>
        </message>
        <message>
            <source>Imported: {count} channel(s) added; settings set: {settings}.</source>
            <translation>已导入：添加了 {count} 个频道；已设置：{settings}。</translation>
        </message>
        <message>
            <source>Keep-alive delivered on {0} of the last {1} days.</source>
            <translation>最近 {1} 天中有 {0} 天成功发送了保活消息。</translation>
        </message>
        <message>
            <source>Keeps Discord bots alive with a verified daily message, from the system tray.</source>
            <translation>从系统托盘每天发送经过验证的消息，让 Discord 机器人保持活跃。</translation>
        </message>
        <message>
            <source>Last error: {0} {1}</source>
            <translation>上次错误：{0} {1}</translation>
        </message>
        <message>
            <source>Last success: {0}</source>
            <translation>上次成功：{0}</translation>
        </message>
        <message>
            <source>Last {0} days</source>
            <translation>最近 {0} 天</translation>
        </message>
        <message>
            <source>Menu entry: {path}</source>
            <translation>菜单项：{path}</translation>
        </message>
        <message>
            <source>Message ID: {0}</source>
            <translation>消息 ID：{0}</translation>
        </message>
        <message>
            <source>Next run: {when}</source>
            <translation>下次运行：{when}</translation>
        </message>
        <message>
            <source>No channels configured.</source>
            <translation>尚未配置任何频道。</translation>
        </message>
        <message>
            <source>No channels configured. Add one with: {prog} channels add --guild G --channel C</source>
            <translation>尚未配置频道。添加方法：{prog} channels add --guild G --channel C</translation>
        </message>
        <message>
            <source>No channels found.</source>
            <translation>未找到频道。</translation>
        </message>
        <message>
            <source>No history for this channel yet.</source>
            <translation>此频道还没有历史记录。</translation>
        </message>
        <message>
            <source>No reply times in the last {0} days.</source>
            <translation>最近 {0} 天没有回复时间记录。</translation>
        </message>
        <message>
            <source>No runs recorded for this channel in the last {0} days.</source>
            <translation>最近 {0} 天内没有此频道的运行记录。</translation>
        </message>
        <message>
            <source>Note: this is not the installation you are running now; `enable` points it here.</source>
            <translation>注意：这不是你当前运行的这份安装；执行 `enable` 可改为指向当前安装。</translation>
        </message>
        <message>
            <source>Nothing to do: every enabled channel is done for {slot} (use --force to send again).</source>
            <translation>无需操作：所有启用的频道在 {slot} 都已完成（使用 --force 可再次发送）。</translation>
        </message>
        <message>
            <source>PROXY_SECRET ({where}) was not read; run again with --secret (or use `cdp-desktop cdp-secret set`) for the CDP endpoint check.</source>
            <translation>未读取 PROXY_SECRET（{where}）；如需 CDP 接口检查，请加 --secret 重新运行（或使用 `cdp-desktop cdp-secret set`）。</translation>
        </message>
        <message>
            <source>Paused: no keep-alive messages are sent until you resume.</source>
            <translation>已暂停：恢复之前不会发送保活消息。</translation>
        </message>
        <message>
            <source>Read: {files}</source>
            <translation>已读取：{files}</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>记录时间</translation>
        </message>
        <message>
            <source>Removed {count} file(s): menu entry, icons and the systemd unit this command wrote.</source>
            <translation>已移除 {count} 个文件：此命令写入的菜单项、图标和 systemd 单元。</translation>
        </message>
        <message>
            <source>Removed {label} from the configuration (nothing was deleted on Discord).</source>
            <translation>已从配置中移除 {label}（Discord 上没有删除任何内容）。</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>回复</translation>
        </message>
        <message>
            <source>Reply after {0:.1f} s</source>
            <translation>{0:.1f} 秒后回复</translation>
        </message>
        <message>
            <source>Reply time, last {0} days</source>
            <translation>回复时间（最近 {0} 天）</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Runs of this channel</source>
            <translation>此频道的运行记录</translation>
        </message>
        <message>
            <source>Schedule: every day at {time} ({zone}), random delay up to {jitter} s, catch-up off</source>
            <translation>计划：每天 {time}（{zone}），随机延迟最多 {jitter} 秒，补发：关</translation>
        </message>
        <message>
            <source>Schedule: every day at {time} ({zone}), random delay up to {jitter} s, catch-up on</source>
            <translation>计划：每天 {time}（{zone}），随机延迟最多 {jitter} 秒，补发：开</translation>
        </message>
        <message>
            <source>Sent at {0}</source>
            <translation>发送于 {0}</translation>
        </message>
        <message>
            <source>Server ID: {0}</source>
            <translation>服务器 ID：{0}</translation>
        </message>
        <message>
            <source>Set COZE_BOT_STAY_ACTIVE_ENABLE=0 in coze-discord-proxy's environment and restart it: CDP Desktop keeps the bots alive now, and two keep-alives a day are noise.</source>
            <translation>请在 coze-discord-proxy 的环境变量中设置 COZE_BOT_STAY_ACTIVE_ENABLE=0 并重启它：现在由 CDP Desktop 负责保活，一天两次保活只是噪音。</translation>
        </message>
        <message>
            <source>Start at login: off</source>
            <translation>登录时启动：关</translation>
        </message>
        <message>
            <source>Start at login: off ({location}: {note})</source>
            <translation>登录时启动：关（{location}：{note}）</translation>
        </message>
        <message>
            <source>Start at login: on ({location})</source>
            <translation>登录时启动：开（{location}）</translation>
        </message>
        <message>
            <source>Start it with: systemctl --user daemon-reload &amp;&amp; systemctl --user enable --now cdp-desktop</source>
            <translation>启动方法：systemctl --user daemon-reload &amp;&amp; systemctl --user enable --now cdp-desktop</translation>
        </message>
        <message>
            <source>Starts: {command}</source>
            <translation>启动命令：{command}</translation>
        </message>
        <message>
            <source>Store the bot token found in {where} in the system keyring?</source>
            <translation>将 {where} 中的机器人令牌保存到系统密钥环吗？</translation>
        </message>
        <message>
            <source>Store the proxy secret found in {where} in the system keyring (for the endpoint check)?</source>
            <translation>将 {where} 中的代理密钥保存到系统密钥环（用于接口检查）吗？</translation>
        </message>
        <message>
            <source>The bot token from {where} is stored in the system keyring.</source>
            <translation>来自 {where} 的机器人令牌已保存到系统密钥环。</translation>
        </message>
        <message>
            <source>The proxy secret from {where} is stored in the system keyring.</source>
            <translation>来自 {where} 的代理密钥已保存到系统密钥环。</translation>
        </message>
        <message>
            <source>Token OK: logged in as {name} ({id}).</source>
            <translation>令牌有效：已登录为 {name}（{id}）。</translation>
        </message>
        <message>
            <source>USER_AUTHORIZATION ({where}) was not read and is not stored: it is a Discord user-account token, and sending messages as a user is against Discord's terms. CDP Desktop posts with the bot token.</source>
            <translation>USER_AUTHORIZATION（{where}）未被读取，也不会保存：它是 Discord 用户账号令牌，以用户身份发送消息违反 Discord 的服务条款。CDP Desktop 使用机器人令牌发送消息。</translation>
        </message>
        <message>
            <source>a file</source>
            <translation>某个文件</translation>
        </message>
        <message>
            <source>add a channel</source>
            <translation>添加频道</translation>
        </message>
        <message>
            <source>add the app to your applications menu (Linux: desktop entry and icons for this user)</source>
            <translation>将应用添加到应用程序菜单（Linux：为当前用户安装桌面项和图标）</translation>
        </message>
        <message>
            <source>already configured</source>
            <translation>已配置</translation>
        </message>
        <message>
            <source>also store BOT_TOKEN in the system keyring (never in a file)</source>
            <translation>同时将 BOT_TOKEN 保存到系统密钥环（绝不写入文件）</translation>
        </message>
        <message>
            <source>also store PROXY_SECRET in the system keyring, for the CDP endpoint check</source>
            <translation>同时将 PROXY_SECRET 保存到系统密钥环，用于 CDP 接口检查</translation>
        </message>
        <message>
            <source>also write a systemd user unit for `cdp-desktop daemon`</source>
            <translation>同时为 `cdp-desktop daemon` 写入 systemd 用户单元</translation>
        </message>
        <message>
            <source>another CDP Desktop is already running for this home (process {pid}); stop it first, or give this one its own --home</source>
            <translation>另一个 CDP Desktop 已在使用此目录运行（进程 {pid}）；请先停止它，或为这个实例指定单独的 --home</translation>
        </message>
        <message>
            <source>another CDP Desktop is already running for this home; stop it first, or give this one its own --home</source>
            <translation>另一个 CDP Desktop 已在使用此目录运行；请先停止它，或为这个实例指定单独的 --home</translation>
        </message>
        <message>
            <source>app not running</source>
            <translation>应用未运行</translation>
        </message>
        <message>
            <source>bot token the sandbox accepts (default: a demo token)</source>
            <translation>沙盒接受的机器人令牌（默认：演示令牌）</translation>
        </message>
        <message>
            <source>cannot change start at login: {problem}</source>
            <translation>无法更改登录时启动设置：{problem}</translation>
        </message>
        <message>
            <source>cannot create the folder {path} ({problem}); pass --home DIR</source>
            <translation>无法创建文件夹 {path}（{problem}）；请使用 --home DIR。</translation>
        </message>
        <message>
            <source>cannot use the app folder: {problem}; pass --home DIR</source>
            <translation>无法使用应用文件夹：{problem}；请传入 --home DIR</translation>
        </message>
        <message>
            <source>cannot write the desktop entry: {problem} ({path})</source>
            <translation>无法写入桌面项：{problem}（{path}）</translation>
        </message>
        <message>
            <source>category ID</source>
            <translation>分类 ID</translation>
        </message>
        <message>
            <source>category {category}</source>
            <translation>分类 {category}</translation>
        </message>
        <message>
            <source>change one setting (an empty VALUE resets optional ones)</source>
            <translation>修改一项设置（对可选项，VALUE 为空表示恢复默认）</translation>
        </message>
        <message>
            <source>channel ID</source>
            <translation>频道 ID</translation>
        </message>
        <message>
            <source>channel missing</source>
            <translation>频道缺失</translation>
        </message>
        <message>
            <source>channel name (used to recreate it if it is deleted)</source>
            <translation>频道名称（频道被删除时用于重新创建）</translation>
        </message>
        <message>
            <source>check the stored token by logging in to Discord</source>
            <translation>登录 Discord 以检查已保存的令牌</translation>
        </message>
        <message>
            <source>could not verify the channels with Discord ({problem}); they are imported as read</source>
            <translation>无法向 Discord 验证这些频道（{problem}）；已按读取的内容导入</translation>
        </message>
        <message>
            <source>coze-discord-proxy PROXY_SECRET (input is hidden): </source>
            <translation>coze-discord-proxy 的 PROXY_SECRET（输入不显示）：</translation>
        </message>
        <message>
            <source>coze-discord-proxy's PROXY_SECRET in the system keyring</source>
            <translation>系统密钥环中的 coze-discord-proxy PROXY_SECRET</translation>
        </message>
        <message>
            <source>create a temporary channel for each run instead</source>
            <translation>改为每次运行时创建一个临时频道</translation>
        </message>
        <message>
            <source>do not look the channel up on Discord (offline use)</source>
            <translation>不在 Discord 上查询频道（离线使用）</translation>
        </message>
        <message>
            <source>do not look the channels up on Discord (offline use)</source>
            <translation>不在 Discord 上查找这些频道（离线使用）</translation>
        </message>
        <message>
            <source>do not start the app when you log in</source>
            <translation>登录时不启动应用</translation>
        </message>
        <message>
            <source>error {error}</source>
            <translation>错误 {error}</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>guild {guild}</source>
            <translation>服务器 {guild}</translation>
        </message>
        <message>
            <source>import channels, proxy and time zone from a coze-discord-proxy setup</source>
            <translation>从 coze-discord-proxy 部署中导入频道、代理和时区</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>已中断</translation>
        </message>
        <message>
            <source>keep configuration, history and logs in DIR (env {env})</source>
            <translation>将配置、历史记录和日志保存在 DIR 中（环境变量 {env}）</translation>
        </message>
        <message>
            <source>list and edit the channels that get keep-alive messages</source>
            <translation>列出并编辑接收保活消息的频道</translation>
        </message>
        <message>
            <source>mentions &lt;@{bot}&gt;</source>
            <translation>提及 &lt;@{bot}&gt;</translation>
        </message>
        <message>
            <source>menu entries are written for Linux desktops only; {system} finds the app by itself</source>
            <translation>菜单项仅为 Linux 桌面写入；{system} 会自行找到应用</translation>
        </message>
        <message>
            <source>models: {models}, {ms} ms</source>
            <translation>模型：{models}，{ms} 毫秒</translation>
        </message>
        <message>
            <source>more output on stderr (-vv: debug)</source>
            <translation>在标准错误输出更多信息（-vv：调试）</translation>
        </message>
        <message>
            <source>no bot token is set, so the channel was not verified with Discord</source>
            <translation>未设置机器人令牌，因此未在 Discord 上验证该频道</translation>
        </message>
        <message>
            <source>no bot token is set, so the channels were not verified with Discord</source>
            <translation>未设置机器人令牌，因此没有向 Discord 验证这些频道</translation>
        </message>
        <message>
            <source>no bot token is set; run `cdp-desktop token set`</source>
            <translation>未设置机器人令牌；请运行 `cdp-desktop token set`</translation>
        </message>
        <message>
            <source>no secret given; pipe it to `cdp-desktop cdp-secret set` or run it in a terminal</source>
            <translation>未提供密钥；请通过管道传给 `cdp-desktop cdp-secret set`，或在终端中运行</translation>
        </message>
        <message>
            <source>no target bot given: this channel's keep-alive pings no bot, so it keeps none active. Add one with --mention BOT, or pass --no-mention to say this is intended.</source>
            <translation>未指定目标机器人：此频道的保活消息不会 @提及任何机器人，因此不能让任何机器人保持活跃。请用 --mention BOT 指定一个，或加上 --no-mention 表示确实如此。</translation>
        </message>
        <message>
            <source>no token given; pipe it to `{prog} token set` or run it in a terminal</source>
            <translation>未提供令牌；请通过管道传给 `{prog} token set`，或在终端中运行</translation>
        </message>
        <message>
            <source>not configured yet</source>
            <translation>尚未配置</translation>
        </message>
        <message>
            <source>not run</source>
            <translation>未运行</translation>
        </message>
        <message>
            <source>not yet</source>
            <translation>尚未运行</translation>
        </message>
        <message>
            <source>note: could not verify the channel with Discord ({problem}); added as typed</source>
            <translation>注意：无法在 Discord 上验证该频道（{problem}）；已按输入内容添加</translation>
        </message>
        <message>
            <source>note: {text}</source>
            <translation>提示：{text}</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关</translation>
        </message>
        <message>
            <source>on </source>
            <translation>开 </translation>
        </message>
        <message>
            <source>one row per channel and day: outcome, sent time, reply time, message ID, error</source>
            <translation>每个频道每天一行：结果、发送时间、回复时间、消息 ID、错误</translation>
        </message>
        <message>
            <source>only check that a token is stored and shaped right</source>
            <translation>只检查是否已保存令牌且格式正确</translation>
        </message>
        <message>
            <source>only this channel (channel ID or uid)</source>
            <translation>只显示此频道（频道 ID 或 uid）</translation>
        </message>
        <message>
            <source>port on 127.0.0.1 (default: any)</source>
            <translation>127.0.0.1 上的端口（默认：任意）</translation>
        </message>
        <message>
            <source>print CSV with a header row</source>
            <translation>输出带表头行的 CSV</translation>
        </message>
        <message>
            <source>print all settings</source>
            <translation>输出全部设置</translation>
        </message>
        <message>
            <source>print one JSON document</source>
            <translation>输出一个 JSON 文档</translation>
        </message>
        <message>
            <source>print one setting</source>
            <translation>输出一项设置</translation>
        </message>
        <message>
            <source>recreate configured channels deleted on Discord</source>
            <translation>重新创建在 Discord 上被删除的已配置频道</translation>
        </message>
        <message>
            <source>recreated</source>
            <translation>已重建</translation>
        </message>
        <message>
            <source>remove a channel from the configuration (never deletes it on Discord)</source>
            <translation>从配置中移除频道（绝不会在 Discord 上删除它）</translation>
        </message>
        <message>
            <source>remove the proxy secret from the keyring</source>
            <translation>从密钥环中删除代理密钥</translation>
        </message>
        <message>
            <source>remove the token from the keyring</source>
            <translation>从系统密钥环中删除令牌</translation>
        </message>
        <message>
            <source>remove what this command installed</source>
            <translation>移除此命令安装的内容</translation>
        </message>
        <message>
            <source>replied</source>
            <translation>已回复</translation>
        </message>
        <message>
            <source>reply {seconds:.1f} s</source>
            <translation>回复 {seconds:.1f} 秒</translation>
        </message>
        <message>
            <source>run the local Discord sandbox and print its API base</source>
            <translation>运行本地 Discord 沙盒并输出其 API 基础网址</translation>
        </message>
        <message>
            <source>run the scheduler without a window (servers)</source>
            <translation>无窗口运行计划任务（适用于服务器）</translation>
        </message>
        <message>
            <source>say whether the app starts at login, and from which file or registry value</source>
            <translation>显示应用是否在登录时启动，以及登录项所在的文件或注册表值</translation>
        </message>
        <message>
            <source>send even to channels already done today</source>
            <translation>即使今天已完成的频道也再次发送</translation>
        </message>
        <message>
            <source>send keep-alive messages to a channel again</source>
            <translation>重新向频道发送保活消息</translation>
        </message>
        <message>
            <source>send the keep-alive now</source>
            <translation>立即发送保活消息</translation>
        </message>
        <message>
            <source>send without mentioning a bot (no bot is pinged, so none is kept active)</source>
            <translation>发送时不 @提及任何机器人（不会提醒任何机器人，因此也不会让它保持活跃）</translation>
        </message>
        <message>
            <source>sent by another machine</source>
            <translation>由另一台机器发送</translation>
        </message>
        <message>
            <source>sent by another machine at {time}</source>
            <translation>已由另一台机器于 {time} 发送</translation>
        </message>
        <message>
            <source>sent {time}</source>
            <translation>发送于 {time}</translation>
        </message>
        <message>
            <source>sent, no reply</source>
            <translation>已发送，未回复</translation>
        </message>
        <message>
            <source>server (guild) ID</source>
            <translation>服务器 ID</translation>
        </message>
        <message>
            <source>server ID, when the files do not give GUILD_ID</source>
            <translation>服务器 ID（文件中没有 GUILD_ID 时使用）</translation>
        </message>
        <message>
            <source>show and change settings</source>
            <translation>查看和修改设置</translation>
        </message>
        <message>
            <source>show the configured channels</source>
            <translation>显示已配置的频道</translation>
        </message>
        <message>
            <source>show the schedule, the channels and their states</source>
            <translation>显示计划、频道及其状态</translation>
        </message>
        <message>
            <source>show what would be imported; change nothing</source>
            <translation>显示将要导入的内容，不做任何更改</translation>
        </message>
        <message>
            <source>start at login is not available on this system ({system})</source>
            <translation>此系统（{system}）不支持登录时启动</translation>
        </message>
        <message>
            <source>start the app against the built-in Discord sandbox (no account needed)</source>
            <translation>使用内置的 Discord 沙盒启动应用（无需账号）</translation>
        </message>
        <message>
            <source>start the app when you log in (on, off, status)</source>
            <translation>登录时启动应用（开启、关闭、状态）</translation>
        </message>
        <message>
            <source>start this installation of the app when you log in</source>
            <translation>登录时启动当前这份安装的应用</translation>
        </message>
        <message>
            <source>stop sending keep-alive messages to a channel</source>
            <translation>停止向频道发送保活消息</translation>
        </message>
        <message>
            <source>store the bot token (read from stdin, or asked for without echo)</source>
            <translation>保存机器人令牌（从标准输入读取，或以不回显方式询问）</translation>
        </message>
        <message>
            <source>store the proxy secret (read from stdin, or asked for)</source>
            <translation>保存代理密钥（从标准输入读取，或提示输入）</translation>
        </message>
        <message>
            <source>systemd user unit: {path}</source>
            <translation>systemd 用户单元：{path}</translation>
        </message>
        <message>
            <source>temporary channel</source>
            <translation>临时频道</translation>
        </message>
        <message>
            <source>the bot token in the system keyring</source>
            <translation>系统密钥环中的机器人令牌</translation>
        </message>
        <message>
            <source>the desktop interface cannot start ({problem}); use the command line, e.g. `cdp-desktop status`</source>
            <translation>桌面界面无法启动（{problem}）；请使用命令行，例如 `cdp-desktop status`</translation>
        </message>
        <message>
            <source>the disk is full: {path} could not be written; free some space and try again</source>
            <translation>磁盘已满：无法写入 {path}；请释放一些空间后重试。</translation>
        </message>
        <message>
            <source>the folder {path} is not writable; CDP Desktop keeps its settings, history and logs there: make it writable or pass --home DIR</source>
            <translation>文件夹 {path} 不可写；CDP Desktop 在其中保存设置、历史记录和日志：请使其可写，或使用 --home DIR。</translation>
        </message>
        <message>
            <source>the last N days, today included (default {n})</source>
            <translation>最近 N 天，包括今天（默认 {n}）</translation>
        </message>
        <message>
            <source>the log (not writable)</source>
            <translation>日志（不可写）</translation>
        </message>
        <message>
            <source>today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>unexpected {kind}: {problem}. Details are in {log}; please report it.</source>
            <translation>意外的{kind}：{problem}。详细信息见 {log}；请报告此问题。</translation>
        </message>
        <message>
            <source>user ID of the target bot to mention (and expect a reply from)</source>
            <translation>要 @提及的目标机器人的用户 ID（并等待它回复）</translation>
        </message>
        <message>
            <source>{0:.1f} s</source>
            <translation>{0:.1f} 秒</translation>
        </message>
        <message>
            <source>{0:g} s</source>
            <translation>{0:g} 秒</translation>
        </message>
        <message>
            <source>{0} attempts that day</source>
            <translation>当天共尝试 {0} 次</translation>
        </message>
        <message>
            <source>{0}/{1} days</source>
            <translation>{0}/{1} 天</translation>
        </message>
        <message>
            <source>{channel}: {message}</source>
            <translation>{channel}：{message}</translation>
        </message>
        <message>
            <source>{channel}: {ok}/{total} days delivered</source>
            <translation>{channel}：{ok}/{total} 天已送达</translation>
        </message>
        <message>
            <source>{done}/{total} channels done, {n} waiting for the target bot's reply…</source>
            <translation>已完成 {done}/{total} 个频道，{n} 个正在等待目标机器人回复…</translation>
        </message>
        <message>
            <source>{done}/{total} channels done…</source>
            <translation>已完成 {done}/{total} 个频道…</translation>
        </message>
        <message>
            <source>{id} is a temporary channel CDP Desktop created for a keep-alive run and deletes when the run ends; choose another channel</source>
            <translation>{id} 是 CDP Desktop 为一次保活运行创建的临时频道，运行结束时会被删除；请选择其他频道</translation>
        </message>
        <message>
            <source>{path} is a file, not a folder; move it away or pass --home DIR</source>
            <translation>{path} 是一个文件而不是文件夹；请将其移走，或使用 --home DIR。</translation>
        </message>
        <message>
            <source>{path} is not writable ({problem}); fix its permissions or pass --home DIR</source>
            <translation>{path} 不可写（{problem}）；请修正其权限，或使用 --home DIR。</translation>
        </message>
        <message>
            <source>{path}: {problem}; check the file and its folder, or pass --home DIR</source>
            <translation>{path}：{problem}；请检查该文件及其所在文件夹，或使用 --home DIR。</translation>
        </message>
        <message>
            <source>{problem} (see `{prog} --help`)</source>
            <translation>{problem}（参见 `{prog} --help`）</translation>
        </message>
        <message>
            <source>{prog}: debug: {message}</source>
            <translation>{prog}：调试：{message}</translation>
        </message>
        <message>
            <source>{prog}: error: {message}</source>
            <translation>{prog}：错误：{message}</translation>
        </message>
        <message>
            <source>{prog}: info: {message}</source>
            <translation>{prog}：信息：{message}</translation>
        </message>
        <message>
            <source>{prog}: note: {message}</source>
            <translation>{prog}：提示：{message}</translation>
        </message>
        <message>
            <source>{prog}: warning: {message}</source>
            <translation>{prog}：警告：{message}</translation>
        </message>
        <message>
            <source>{state}: {message}</source>
            <translation>{state}：{message}</translation>
        </message>
        <message>
            <source>{value!r} is not a port number from 0 to 65535</source>
            <translation>{value!r} 不是 0 到 65535 之间的端口号</translation>
        </message>
        <message>
            <source>{variable}: {problem}</source>
            <translation>{variable}：{problem}</translation>
        </message>
        <message>
            <source>{where}: Discord says channel {id} does not exist; check the ID.</source>
            <translation>{where}：Discord 表示频道 {id} 不存在；请检查 ID。</translation>
        </message>
        <message>
            <source>{where}: channel {channel} belongs to server {actual}, not {given}.</source>
            <translation>{where}：频道 {channel} 属于服务器 {actual}，而不是 {given}。</translation>
        </message>
    </context>
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About CDP Desktop</source>
            <translation>关于 CDP Desktop</translation>
        </message>
        <message>
            <source>Built with</source>
            <translation>构建于</translation>
        </message>
        <message>
            <source>Links</source>
            <translation>链接</translation>
        </message>
        <message>
            <source>Log folder</source>
            <translation>日志文件夹</translation>
        </message>
        <message>
            <source>Posts a daily keep-alive message that mentions your Discord bot, so that bots such as Coze bots behind coze-discord-proxy stay active.</source>
            <translation>每天发送一条 @提及你的 Discord 机器人的保活消息，让 coze-discord-proxy 后面的 Coze 等机器人保持活跃。</translation>
        </message>
        <message>
            <source>Settings folder</source>
            <translation>设置文件夹</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
    </context>
    <context>
        <name>Banner</name>
        <message>
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>CdpEndpoint</name>
        <message>
            <source>CDP answered with an error; see its log.</source>
            <translation>CDP 返回了错误；请查看它的日志。</translation>
        </message>
        <message>
            <source>CDP answers again.</source>
            <translation>CDP 已重新响应。</translation>
        </message>
        <message>
            <source>CDP did not answer; check that its container is running and that cdp_url is right.</source>
            <translation>CDP 没有响应；请检查其容器是否在运行，以及 cdp_url 是否正确。</translation>
        </message>
        <message>
            <source>CDP endpoint: {state}</source>
            <translation>CDP 接口：{state}</translation>
        </message>
        <message>
            <source>CDP endpoint: {state} (models: {models}, {ms} ms)</source>
            <translation>CDP 接口：{state}（模型：{models}，{ms} 毫秒）</translation>
        </message>
        <message>
            <source>CDP endpoint: {state} ({detail})</source>
            <translation>CDP 接口：{state}（{detail}）</translation>
        </message>
        <message>
            <source>CDP refused the proxy secret; store the current PROXY_SECRET with `cdp-desktop cdp-secret set`.</source>
            <translation>CDP 拒绝了代理密钥；请用 `cdp-desktop cdp-secret set` 保存当前的 PROXY_SECRET。</translation>
        </message>
        <message>
            <source>error</source>
            <translation>出错</translation>
        </message>
        <message>
            <source>the answer is not an OpenAI-style model list</source>
            <translation>返回的内容不是 OpenAI 格式的模型列表</translation>
        </message>
        <message>
            <source>unauthorized</source>
            <translation>未授权</translation>
        </message>
        <message>
            <source>unreachable</source>
            <translation>无法连接</translation>
        </message>
        <message>
            <source>up</source>
            <translation>正常</translation>
        </message>
    </context>
    <context>
        <name>CdpEndpointStatus</name>
        <message>
            <source>Ask coze-discord-proxy for its model list now (GET /v1/models)</source>
            <translation>立即向 coze-discord-proxy 请求模型列表（GET /v1/models）</translation>
        </message>
        <message>
            <source>CDP endpoint check</source>
            <translation>CDP 接口检查</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>检查</translation>
        </message>
    </context>
    <context>
        <name>CdpImport</name>
        <message>
            <source>GUILD_ID (the server ID) is not set; it belongs in CDP's docker-compose.yml or .env. Import the CDP folder, or pass --guild G.</source>
            <translation>未设置 GUILD_ID（服务器 ID）；它应在 CDP 的 docker-compose.yml 或 .env 中。请导入整个 CDP 文件夹，或传入 --guild G。</translation>
        </message>
        <message>
            <source>JSON syntax error: {problem}.</source>
            <translation>JSON 语法错误：{problem}。</translation>
        </message>
        <message>
            <source>PROXY_URL: {problem}</source>
            <translation>PROXY_URL：{problem}</translation>
        </message>
        <message>
            <source>TZ is '{zone}', which is not a known time zone; use an IANA name such as Asia/Shanghai.</source>
            <translation>TZ 的值是“{zone}”，不是已知的时区；请使用 IANA 名称，例如 Asia/Shanghai。</translation>
        </message>
        <message>
            <source>YAML syntax error: {problem}.</source>
            <translation>YAML 语法错误：{problem}。</translation>
        </message>
        <message>
            <source>bot_config.json must be a JSON array of bots: [{{"cozeBotId": …, "channelId": …}}, …].</source>
            <translation>bot_config.json 必须是机器人的 JSON 数组：[{{"cozeBotId": …, "channelId": …}}, …]。</translation>
        </message>
        <message>
            <source>cannot be read; check that it exists and is readable.</source>
            <translation>无法读取；请检查文件是否存在且可读。</translation>
        </message>
        <message>
            <source>each entry of bot_config.json must be an object {{…}}.</source>
            <translation>bot_config.json 的每一项都必须是对象 {{…}}。</translation>
        </message>
        <message>
            <source>env_file {file} does not exist.</source>
            <translation>env_file {file} 不存在。</translation>
        </message>
        <message>
            <source>model must be a list of model names, like ["gpt-4"].</source>
            <translation>model 必须是模型名称列表，例如 ["gpt-4"]。</translation>
        </message>
        <message>
            <source>no coze-discord-proxy files here; looked for docker-compose.yml, .env and data/config/bot_config.json.</source>
            <translation>这里没有 coze-discord-proxy 的文件；已查找 docker-compose.yml、.env 和 data/config/bot_config.json。</translation>
        </message>
        <message>
            <source>no coze-discord-proxy service in this compose file (none uses the deanxv/coze-discord-proxy image or sets GUILD_ID, CHANNEL_ID or COZE_BOT_ID).</source>
            <translation>此 compose 文件中没有 coze-discord-proxy 服务（没有服务使用 deanxv/coze-discord-proxy 镜像，也没有设置 GUILD_ID、CHANNEL_ID 或 COZE_BOT_ID）。</translation>
        </message>
        <message>
            <source>no such file or folder.</source>
            <translation>没有这个文件或文件夹。</translation>
        </message>
        <message>
            <source>permission denied: you may not read this file; check its permissions.</source>
            <translation>权限不足：无权读取此文件；请检查它的权限。</translation>
        </message>
        <message>
            <source>the file does not exist; check the path.</source>
            <translation>文件不存在；请检查路径。</translation>
        </message>
        <message>
            <source>the file is not UTF-8 text; save it as UTF-8 and try again.</source>
            <translation>该文件不是 UTF-8 文本；请另存为 UTF-8 后重试。</translation>
        </message>
        <message>
            <source>this bot entry has no cozeBotId (the Coze bot's user ID).</source>
            <translation>这一项机器人配置缺少 cozeBotId（Coze 机器人的用户 ID）。</translation>
        </message>
        <message>
            <source>this is a folder, not a file.</source>
            <translation>这是文件夹，不是文件。</translation>
        </message>
        <message>
            <source>this line is not KEY=VALUE (check the quotes; a value with spaces needs quotes).</source>
            <translation>这一行不是 KEY=VALUE 格式（请检查引号；含空格的值需要加引号）。</translation>
        </message>
        <message>
            <source>{key} is '{value}', which is not a Discord ID (17 to 20 digits).</source>
            <translation>{key} 的值是“{value}”，不是 Discord ID（17 到 20 位数字）。</translation>
        </message>
        <message>
            <source>{where}: ${{{name}}} is not set in .env; it was read as empty.</source>
            <translation>{where}：${{{name}}} 未在 .env 中设置，已按空值读取。</translation>
        </message>
        <message>
            <source>{where}: CHANNEL_ID is not set, so there is no channel to keep COZE_BOT_ID {bot} alive in; add one with `cdp-desktop channels add`.</source>
            <translation>{where}：未设置 CHANNEL_ID，因此没有可为 COZE_BOT_ID {bot} 保活的频道；请用 `cdp-desktop channels add` 添加一个。</translation>
        </message>
        <message>
            <source>{where}: Coze bot {bot} uses channel {channel} too; a channel's keep-alive mentions one bot ({first}). Give {bot} a channel of its own and add it with `cdp-desktop channels add`.</source>
            <translation>{where}：Coze 机器人 {bot} 也使用频道 {channel}；一个频道的保活消息只提及一个机器人（{first}）。请为 {bot} 单独建一个频道，并用 `cdp-desktop channels add` 添加。</translation>
        </message>
        <message>
            <source>{where}: bot {bot} has no channelId and CHANNEL_ID is not set; add a channel for it with `cdp-desktop channels add`.</source>
            <translation>{where}：机器人 {bot} 没有 channelId，且未设置 CHANNEL_ID；请用 `cdp-desktop channels add` 为它添加频道。</translation>
        </message>
        <message>
            <source>{where}: {text}</source>
            <translation>{where}：{text}</translation>
        </message>
    </context>
    <context>
        <name>CdpImportDialog</name>
        <message>
            <source>After the import, set COZE_BOT_STAY_ACTIVE_ENABLE=0 in coze-discord-proxy and restart it: CDP Desktop keeps the bots alive, and two keep-alives a day are noise.</source>
            <translation>导入后，请在 coze-discord-proxy 中设置 COZE_BOT_STAY_ACTIVE_ENABLE=0 并重启它：CDP Desktop 会负责保活，一天两次保活只是噪音。</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>CDP endpoint</source>
            <translation>CDP 接口</translation>
        </message>
        <message>
            <source>CDP files (*.yml *.yaml *.env .env *.json)</source>
            <translation>CDP 文件 (*.yml *.yaml *.env .env *.json)</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>频道</translation>
        </message>
        <message>
            <source>Checking the bot token with Discord…</source>
            <translation>正在向 Discord 验证机器人令牌…</translation>
        </message>
        <message>
            <source>Choose a folder or a file first.</source>
            <translation>请先选择文件夹或文件。</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>File…</source>
            <translation>文件…</translation>
        </message>
        <message>
            <source>Folder or file</source>
            <translation>文件夹或文件</translation>
        </message>
        <message>
            <source>Folder…</source>
            <translation>文件夹…</translation>
        </message>
        <message>
            <source>From</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Import from coze-discord-proxy</source>
            <translation>从 coze-discord-proxy 导入</translation>
        </message>
        <message>
            <source>Imported {0} channel(s); settings changed: {1}.</source>
            <translation>已导入 {0} 个频道；已更改的设置：{1}。</translation>
        </message>
        <message>
            <source>No channels found.</source>
            <translation>未找到频道。</translation>
        </message>
        <message>
            <source>Pick the folder of your coze-discord-proxy setup, or one of its files: docker-compose.yml, .env or data/config/bot_config.json. Nothing changes until you press Import.</source>
            <translation>选择 coze-discord-proxy 的部署文件夹，或其中的一个文件：docker-compose.yml、.env 或 data/config/bot_config.json。按下“导入”之前不会做任何更改。</translation>
        </message>
        <message>
            <source>Proxy</source>
            <translation>代理</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>读取</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Store the bot token from {0} in the system keyring</source>
            <translation>将 {0} 中的机器人令牌保存到系统密钥环</translation>
        </message>
        <message>
            <source>Store the proxy secret from {0} in the system keyring (for the endpoint check)</source>
            <translation>将 {0} 中的代理密钥保存到系统密钥环（用于接口检查）</translation>
        </message>
        <message>
            <source>Storing in the system keyring…</source>
            <translation>正在保存到系统密钥环…</translation>
        </message>
        <message>
            <source>The bot token was not stored: {0}</source>
            <translation>机器人令牌未保存：{0}</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>时区</translation>
        </message>
        <message>
            <source>USER_AUTHORIZATION ({0}) is not read and not stored: it is a Discord user-account token, and sending messages as a user is against Discord's terms. CDP Desktop posts with the bot token.</source>
            <translation>USER_AUTHORIZATION（{0}）不会被读取或保存：它是 Discord 用户账号令牌，以用户身份发送消息违反 Discord 的服务条款。CDP Desktop 使用机器人令牌发送消息。</translation>
        </message>
        <message>
            <source>already configured</source>
            <translation>已配置</translation>
        </message>
        <message>
            <source>coze-discord-proxy file</source>
            <translation>coze-discord-proxy 文件</translation>
        </message>
        <message>
            <source>coze-discord-proxy folder</source>
            <translation>coze-discord-proxy 文件夹</translation>
        </message>
        <message>
            <source>mentions &lt;@{0}&gt;</source>
            <translation>提及 &lt;@{0}&gt;</translation>
        </message>
        <message>
            <source>server {0}</source>
            <translation>服务器 {0}</translation>
        </message>
        <message>
            <source>{0} (now: {1})</source>
            <translation>{0}（当前：{1}）</translation>
        </message>
        <message>
            <source>{0} (unchanged)</source>
            <translation>{0}（未变）</translation>
        </message>
    </context>
    <context>
        <name>CdpStatus</name>
        <message>
            <source>CDP endpoint: not checked yet</source>
            <translation>CDP 接口：尚未检查</translation>
        </message>
        <message>
            <source>CDP endpoint: {0}</source>
            <translation>CDP 接口：{0}</translation>
        </message>
        <message>
            <source>CDP endpoint: {0} ({1})</source>
            <translation>CDP 接口：{0}（{1}）</translation>
        </message>
        <message>
            <source>models: {0}, {1} ms</source>
            <translation>模型：{0}，{1} 毫秒</translation>
        </message>
    </context>
    <context>
        <name>ChannelCheck</name>
        <message>
            <source>Channel {channel} belongs to another server ({actual}), not {given}.</source>
            <translation>频道 {channel} 属于另一个服务器（{actual}），而不是 {given}。</translation>
        </message>
        <message>
            <source>The bot cannot see channel {channel}. Check the ID and that the bot is a member of the server with View Channel permission.</source>
            <translation>机器人看不到频道 {channel}。请检查 ID，并确认机器人是该服务器的成员且有“查看频道”权限。</translation>
        </message>
    </context>
    <context>
        <name>ChannelEditor</name>
        <message>
            <source>(already added)</source>
            <translation>（已添加）</translation>
        </message>
        <message>
            <source>(no category)</source>
            <translation>（无分类）</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Add channel</source>
            <translation>添加频道</translation>
        </message>
        <message>
            <source>Category ID (optional)</source>
            <translation>分类 ID（可选）</translation>
        </message>
        <message>
            <source>Category ID:</source>
            <translation>分类 ID：</translation>
        </message>
        <message>
            <source>Category:</source>
            <translation>分类：</translation>
        </message>
        <message>
            <source>Channel ID</source>
            <translation>频道 ID</translation>
        </message>
        <message>
            <source>Channel ID:</source>
            <translation>频道 ID：</translation>
        </message>
        <message>
            <source>Channel:</source>
            <translation>频道：</translation>
        </message>
        <message>
            <source>Checking the channel on Discord…</source>
            <translation>正在 Discord 上检查频道…</translation>
        </message>
        <message>
            <source>Choose a channel.</source>
            <translation>请选择一个频道。</translation>
        </message>
        <message>
            <source>Choose the target bot to mention, or tick “Send without mentioning a bot”.</source>
            <translation>请选择要 @提及的目标机器人，或勾选“发送时不 @提及机器人”。</translation>
        </message>
        <message>
            <source>Edit channel</source>
            <translation>编辑频道</translation>
        </message>
        <message>
            <source>Enabled (send the daily keep-alive to this channel)</source>
            <translation>启用（每天向此频道发送保活消息）</translation>
        </message>
        <message>
            <source>Enter IDs by hand</source>
            <translation>手动输入 ID</translation>
        </message>
        <message>
            <source>Loading the servers the bot can see…</source>
            <translation>正在加载机器人可见的服务器…</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>No bots are listed: that needs the Server Members intent (Settings). Paste the target bot's user ID instead.</source>
            <translation>未列出机器人：这需要 Server Members 意图（见设置）。也可以直接粘贴目标机器人的用户 ID。</translation>
        </message>
        <message>
            <source>Not connected to Discord: the IDs you type cannot be verified now. They are checked at the next run.</source>
            <translation>未连接到 Discord：现在无法验证你输入的 ID，将在下次运行时检查。</translation>
        </message>
        <message>
            <source>Own message for this channel</source>
            <translation>为此频道单独设置消息</translation>
        </message>
        <message>
            <source>Pick a channel below, or enter its IDs by hand.</source>
            <translation>请在下方选择频道，或手动输入其 ID。</translation>
        </message>
        <message>
            <source>Pick from the servers the bot can see</source>
            <translation>从机器人可见的服务器中选择</translation>
        </message>
        <message>
            <source>Placeholders: {mention} (the target bot), {date}, {time}, {channel}.</source>
            <translation>占位符：{mention}（目标机器人）、{date}、{time}、{channel}。</translation>
        </message>
        <message>
            <source>Please correct the fields marked above.</source>
            <translation>请更正上方标出的字段。</translation>
        </message>
        <message>
            <source>Preview:</source>
            <translation>预览：</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Send without mentioning a bot (no bot is pinged, so none is kept active)</source>
            <translation>发送时不 @提及机器人（不会提醒任何机器人，因此也不会让它保持活跃）</translation>
        </message>
        <message>
            <source>Server ID, e.g. 1234567890123456789</source>
            <translation>服务器 ID，例如 1234567890123456789</translation>
        </message>
        <message>
            <source>Server ID:</source>
            <translation>服务器 ID：</translation>
        </message>
        <message>
            <source>Server:</source>
            <translation>服务器：</translation>
        </message>
        <message>
            <source>Something went wrong: {0}</source>
            <translation>出现问题：{0}</translation>
        </message>
        <message>
            <source>Taken from Discord when empty</source>
            <translation>留空则使用 Discord 上的名称</translation>
        </message>
        <message>
            <source>Target bot ID:</source>
            <translation>目标机器人 ID：</translation>
        </message>
        <message>
            <source>Target bot:</source>
            <translation>目标机器人：</translation>
        </message>
        <message>
            <source>Temporary channel: create a new channel for each run (in the chosen category)</source>
            <translation>临时频道：每次运行时新建一个频道（位于所选分类中）</translation>
        </message>
        <message>
            <source>The bot cannot see any text channel in this server.</source>
            <translation>机器人在此服务器中看不到任何文字频道。</translation>
        </message>
        <message>
            <source>User ID of the target bot, e.g. 1234567890123456789</source>
            <translation>目标机器人的用户 ID，例如 1234567890123456789</translation>
        </message>
    </context>
    <context>
        <name>ChannelsModel</name>
        <message>
            <source>Bot ID: {0}</source>
            <translation>机器人 ID：{0}</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>频道</translation>
        </message>
        <message>
            <source>Channel ID: {0}</source>
            <translation>频道 ID：{0}</translation>
        </message>
        <message>
            <source>Discord shows it {0}.</source>
            <translation>Discord 显示其状态为{0}。</translation>
        </message>
        <message>
            <source>Guild</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Guild ID: {0}</source>
            <translation>服务器 ID：{0}</translation>
        </message>
        <message>
            <source>Keep-alive</source>
            <translation>保活</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>上次错误</translation>
        </message>
        <message>
            <source>Last success: {0}</source>
            <translation>上次成功：{0}</translation>
        </message>
        <message>
            <source>Not a failure in itself: the reply check decides whether the keep-alive worked.</source>
            <translation>这本身不算失败：保活是否成功由回复检查决定。</translation>
        </message>
        <message>
            <source>Online status unknown: {0}.</source>
            <translation>在线状态未知：{0}。</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>回复</translation>
        </message>
        <message>
            <source>Sent by another machine at {0}</source>
            <translation>已由另一台机器于 {0} 发送</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Target bot</source>
            <translation>目标机器人</translation>
        </message>
        <message>
            <source>The reply check (does the bot answer?) is used instead.</source>
            <translation>改用回复检查（机器人是否回复）。</translation>
        </message>
        <message>
            <source>do not disturb</source>
            <translation>请勿打扰</translation>
        </message>
        <message>
            <source>idle</source>
            <translation>闲置</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <source>online</source>
            <translation>在线</translation>
        </message>
        <message>
            <source>{0:.1f} s</source>
            <translation>{0:.1f} 秒</translation>
        </message>
    </context>
    <context>
        <name>ChannelsPage</name>
        <message>
            <source>Add at least one channel to go on.</source>
            <translation>请至少添加一个频道才能继续。</translation>
        </message>
        <message>
            <source>Add channel…</source>
            <translation>添加频道…</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>频道</translation>
        </message>
        <message>
            <source>Choose the channels that get the daily keep-alive. You can change them later.</source>
            <translation>选择每天接收保活消息的频道。之后可以随时更改。</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>temporary channel</source>
            <translation>临时频道</translation>
        </message>
    </context>
    <context>
        <name>ClosePolicy</name>
        <message>
            <source>Don't ask again</source>
            <translation>不再询问</translation>
        </message>
        <message>
            <source>Keep running</source>
            <translation>继续运行</translation>
        </message>
        <message>
            <source>Keep running?</source>
            <translation>继续在后台运行？</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>There is no system tray on this desktop. Keep sending keep-alives in the background after the window closes?
Start CDP Desktop again to bring the window back.</source>
            <translation>此桌面没有系统托盘。关闭窗口后是否继续在后台发送保活消息？
再次启动 CDP Desktop 即可重新打开窗口。</translation>
        </message>
    </context>
    <context>
        <name>ConfigError</name>
        <message>
            <source>a target has no guild_id.</source>
            <translation>有一个频道配置缺少 guild_id。</translation>
        </message>
        <message>
            <source>a temporary channel for this guild and category is already configured.</source>
            <translation>该服务器和分类的临时频道已经配置过了。</translation>
        </message>
        <message>
            <source>channel names are at most 100 characters.</source>
            <translation>频道名称最多 100 个字符。</translation>
        </message>
        <message>
            <source>channel {channel} is already configured.</source>
            <translation>频道 {channel} 已经配置过了。</translation>
        </message>
        <message>
            <source>each target must be an object.</source>
            <translation>每个频道配置都必须是一个对象。</translation>
        </message>
        <message>
            <source>expected a list.</source>
            <translation>这里应为一个列表。</translation>
        </message>
        <message>
            <source>expected a whole number from {low} to {high}.</source>
            <translation>应为 {low} 到 {high} 之间的整数。</translation>
        </message>
        <message>
            <source>expected an object.</source>
            <translation>这里应为一个对象。</translation>
        </message>
        <message>
            <source>notes are at most 200 characters.</source>
            <translation>备注最多 200 个字符。</translation>
        </message>
        <message>
            <source>temporary channel</source>
            <translation>临时频道</translation>
        </message>
        <message>
            <source>the file does not hold a JSON object.</source>
            <translation>该文件的内容不是 JSON 对象。</translation>
        </message>
        <message>
            <source>the message template is empty.</source>
            <translation>消息模板为空。</translation>
        </message>
        <message>
            <source>the template has an unbalanced brace ({error}); write {{{{ for a literal {{.</source>
            <translation>模板中的花括号不成对（{error}）；要写一个普通的 {{ 请写成 {{{{。</translation>
        </message>
        <message>
            <source>the template has no {{mention}}: a message that does not mention the target bot does not keep it active.</source>
            <translation>模板中没有 {{mention}}：不提及目标机器人的消息无法让它保持活跃。</translation>
        </message>
        <message>
            <source>the template is too long ({length} characters; keep it under 1800).</source>
            <translation>模板太长（{length} 个字符；请保持在 1800 个以内）。</translation>
        </message>
        <message>
            <source>unknown key at the top level of the configuration.</source>
            <translation>配置的顶层有未知的键。</translation>
        </message>
        <message>
            <source>unknown key {key} in a target.</source>
            <translation>频道配置中有未知的键 {key}。</translation>
        </message>
        <message>
            <source>unknown placeholder {{{name}}}; use {allowed}.</source>
            <translation>未知的占位符 {{{name}}}；请使用 {allowed}。</translation>
        </message>
        <message>
            <source>unknown setting; known settings are {keys}.</source>
            <translation>未知的设置项；已知的设置项有 {keys}。</translation>
        </message>
        <message>
            <source>write placeholders plainly, like {{{name}}}; formats are not supported.</source>
            <translation>请直接写占位符，例如 {{{name}}}；不支持格式说明。</translation>
        </message>
        <message>
            <source>{field}: {problem}</source>
            <translation>{field}：{problem}</translation>
        </message>
        <message>
            <source>{value} contains spaces or control characters; e.g. {example}.</source>
            <translation>{value} 含有空格或控制字符；示例：{example}。</translation>
        </message>
        <message>
            <source>{value} has an invalid port.</source>
            <translation>{value} 的端口无效。</translation>
        </message>
        <message>
            <source>{value} has an invalid port; use 1 to 65535.</source>
            <translation>{value} 的端口无效；请使用 1 到 65535。</translation>
        </message>
        <message>
            <source>{value} has no host name; e.g. {example}.</source>
            <translation>{value} 没有主机名；示例：{example}。</translation>
        </message>
        <message>
            <source>{value} has no supported scheme; use http://, https://, socks5:// or socks5h://.</source>
            <translation>{value} 的协议不受支持；请使用 http://、https://、socks5:// 或 socks5h://。</translation>
        </message>
        <message>
            <source>{value} has port {port}; use a port from 1 to 65535.</source>
            <translation>{value} 的端口是 {port}；请使用 1 到 65535 之间的端口。</translation>
        </message>
        <message>
            <source>{value} is not a Discord ID. IDs are 17 to 20 digits; copy one with Developer Mode on (right-click → Copy ID).</source>
            <translation>{value} 不是 Discord ID。ID 由 17 到 20 位数字组成；请打开开发者模式后复制（右键 → 复制 ID）。</translation>
        </message>
        <message>
            <source>{value} is not a configured channel; see `channels list`.</source>
            <translation>{value} 不是已配置的频道；请查看 `channels list`。</translation>
        </message>
        <message>
            <source>{value} is not a known time zone; use an IANA name such as Asia/Shanghai.</source>
            <translation>{value} 不是已知的时区；请使用 IANA 名称，例如 Asia/Shanghai。</translation>
        </message>
        <message>
            <source>{value} is not a time of day; use HH:MM from 00:00 to 23:59.</source>
            <translation>{value} 不是有效的时间；请使用 00:00 到 23:59 之间的 HH:MM。</translation>
        </message>
        <message>
            <source>{value} is not a valid URL; e.g. {example}.</source>
            <translation>{value} 不是有效的 URL；示例：{example}。</translation>
        </message>
        <message>
            <source>{value} is not a whole number from {low} to {high}.</source>
            <translation>{value} 不是 {low} 到 {high} 之间的整数。</translation>
        </message>
        <message>
            <source>{value} is not an ISO 8601 date and time.</source>
            <translation>{value} 不是 ISO 8601 格式的日期和时间。</translation>
        </message>
        <message>
            <source>{value} is not an http(s) URL, e.g. {example}.</source>
            <translation>{value} 不是 http(s) URL，例如 {example}。</translation>
        </message>
        <message>
            <source>{value} is not available; use {languages} or system.</source>
            <translation>{value} 不可用；请使用 {languages} 或 system。</translation>
        </message>
        <message>
            <source>{value} is not true or false.</source>
            <translation>{value} 不是 true 或 false。</translation>
        </message>
        <message>
            <source>{value} is out of range; use {low} to {high}.</source>
            <translation>{value} 超出范围；请使用 {low} 到 {high}。</translation>
        </message>
        <message>
            <source>{value} needs a host and a port, e.g. {example}.</source>
            <translation>{value} 需要主机和端口，例如 {example}。</translation>
        </message>
    </context>
    <context>
        <name>ConfigFile</name>
        <message>
            <source>Could not read {path} ({error}); using defaults. Check the file's permissions.</source>
            <translation>无法读取 {path}（{error}）；正在使用默认设置。请检查该文件的权限。</translation>
        </message>
        <message>
            <source>The configuration file {path} could not be read ({reason}) nor moved aside ({error}); CDP Desktop uses default settings and does not save them. Fix or remove the file.</source>
            <translation>无法读取配置文件 {path}（{reason}），也无法将它移到一旁（{error}）；CDP Desktop 使用默认设置，且不会保存。请修复或删除该文件。</translation>
        </message>
        <message>
            <source>The configuration file {path} could not be read ({reason}). It was moved to {aside} with its original contents; CDP Desktop starts with default settings.</source>
            <translation>无法读取配置文件 {path}（{reason}）。它已连同原始内容移到 {aside}；CDP Desktop 以默认设置启动。</translation>
        </message>
        <message>
            <source>{path} could not be read ({error}); fix its permissions first.</source>
            <translation>无法读取 {path}（{error}）；请先修正它的权限。</translation>
        </message>
        <message>
            <source>{path} is damaged and could not be moved aside ({error}).</source>
            <translation>{path} 已损坏，且无法移到一旁（{error}）。</translation>
        </message>
        <message>
            <source>{path} was written by a newer version of CDP Desktop (schema {version}); it is used read-only and will not be overwritten. Upgrade CDP Desktop to change settings.</source>
            <translation>{path} 由更新版本的 CDP Desktop 写入（格式版本 {version}）；它以只读方式使用，不会被覆盖。要更改设置，请升级 CDP Desktop。</translation>
        </message>
        <message>
            <source>{path} was written by a newer version of CDP Desktop and is not overwritten; upgrade CDP Desktop to change settings.</source>
            <translation>{path} 由更新版本的 CDP Desktop 写入，不会被覆盖；要更改设置，请升级 CDP Desktop。</translation>
        </message>
        <message>
            <source>{path}: {field}: unknown setting, ignored; it is dropped at the next save.</source>
            <translation>{path}：{field}：未知的设置项，已忽略；下次保存时会被删除。</translation>
        </message>
        <message>
            <source>{path}: {problem} The default is used until you set it again, e.g. `cdp-desktop config set {field} VALUE`.</source>
            <translation>{path}：{problem}在你重新设置之前使用默认值，例如 `cdp-desktop config set {field} VALUE`。</translation>
        </message>
    </context>
    <context>
        <name>Connection</name>
        <message>
            <source>Discord connection lost ({reason}); reconnecting in {seconds} seconds.</source>
            <translation>与 Discord 的连接已断开（{reason}）；{seconds} 秒后重新连接。</translation>
        </message>
        <message>
            <source>The connection to Discord ended.</source>
            <translation>与 Discord 的连接已结束。</translation>
        </message>
        <message>
            <source>The gateway connection was lost.</source>
            <translation>网关连接已断开。</translation>
        </message>
    </context>
    <context>
        <name>DaemonRunning</name>
        <message>
            <source>&amp;Stop it and open the window</source>
            <translation>停止它并打开窗口(&amp;S)</translation>
        </message>
        <message>
            <source>CDP Desktop is already running</source>
            <translation>CDP Desktop 已在运行</translation>
        </message>
        <message>
            <source>CDP Desktop is already running in the background, without a window (cdp-desktop daemon{pid}), for {folder}. Only one of them can send the keep-alives.</source>
            <translation>CDP Desktop 已在后台无窗口运行（cdp-desktop daemon{pid}），数据文件夹为 {folder}。同一时间只能有一个实例发送保活消息。</translation>
        </message>
        <message>
            <source>The background instance (PID {pid}) did not stop. Stop it by hand, then start CDP Desktop again.</source>
            <translation>后台实例（PID {pid}）没有停止。请手动停止它，然后重新启动 CDP Desktop。</translation>
        </message>
        <message>
            <source>To open the window, stop it first: click “Stop it and open the window”, or run “systemctl --user stop cdp-desktop” if it runs as a service, or “kill {pid}”.</source>
            <translation>要打开窗口，请先停止它：点击“停止它并打开窗口”；如果它作为服务运行，请执行“systemctl --user stop cdp-desktop”；或者执行“kill {pid}”。</translation>
        </message>
        <message>
            <source>To open the window, stop it first: run “systemctl --user stop cdp-desktop” if it runs as a service, or end the “cdp-desktop daemon” process.</source>
            <translation>要打开窗口，请先停止它：如果它作为服务运行，请执行“systemctl --user stop cdp-desktop”；否则请结束“cdp-desktop daemon”进程。</translation>
        </message>
    </context>
    <context>
        <name>DemoMenu</name>
        <message>
            <source>Bring the server back</source>
            <translation>让服务器恢复在线</translation>
        </message>
        <message>
            <source>Delete a channel on the server</source>
            <translation>在服务器上删除一个频道</translation>
        </message>
        <message>
            <source>Demo: channel {0} was deleted on the server. Run now to see the app notice it.</source>
            <translation>演示：频道 {0} 已在服务器上被删除。点击“立即运行”看看应用如何发现它。</translation>
        </message>
        <message>
            <source>Demo: no configured channel is left to delete.</source>
            <translation>演示：没有可删除的已配置频道了。</translation>
        </message>
        <message>
            <source>Let the target bot reply</source>
            <translation>让目标机器人回复</translation>
        </message>
        <message>
            <source>Restore the token</source>
            <translation>恢复令牌</translation>
        </message>
        <message>
            <source>Revoke the token</source>
            <translation>吊销令牌</translation>
        </message>
        <message>
            <source>Silence the target bot</source>
            <translation>让目标机器人不再回复</translation>
        </message>
        <message>
            <source>Take the server offline</source>
            <translation>让服务器离线</translation>
        </message>
        <message>
            <source>This is the demo: a local Discord sandbox with its own channels and a target bot that replies; nothing reaches Discord and its files are removed on Quit. Try Run now, then the Demo menu: delete a channel, silence the bot, take the server offline, revoke the token.</source>
            <translation>这是演示：一个本地的 Discord 沙盒，自带频道和会回复的目标机器人；不会连接真正的 Discord，退出时会删除它的文件。先试试“立即运行”，再试试“演示”菜单：删除频道、让机器人沉默、让服务器离线、吊销令牌。</translation>
        </message>
    </context>
    <context>
        <name>DiscordFailure</name>
        <message>
            <source>Channel {channel} is not a server channel.</source>
            <translation>频道 {channel} 不是服务器频道。</translation>
        </message>
        <message>
            <source>Channel {channel} is not a text channel.</source>
            <translation>频道 {channel} 不是文字频道。</translation>
        </message>
        <message>
            <source>Channel {channel} is not in the server.</source>
            <translation>频道 {channel} 不在该服务器中。</translation>
        </message>
        <message>
            <source>Channel {channel} was deleted.</source>
            <translation>频道 {channel} 已被删除。</translation>
        </message>
        <message>
            <source>Channel {channel}: Missing Access (the bot cannot see it).</source>
            <translation>频道 {channel}：缺少访问权限（Missing Access），机器人看不到它。</translation>
        </message>
        <message>
            <source>Channel {channel}: Missing Permissions (the bot may not send messages there).</source>
            <translation>频道 {channel}：缺少权限（Missing Permissions），机器人不能在此发送消息。</translation>
        </message>
        <message>
            <source>Discord answered HTTP {status} (error {code}: {text}).</source>
            <translation>Discord 返回 HTTP {status}（错误 {code}：{text}）。</translation>
        </message>
        <message>
            <source>Discord answered HTTP {status}.</source>
            <translation>Discord 返回 HTTP {status}。</translation>
        </message>
        <message>
            <source>Discord could not be reached ({error}).</source>
            <translation>无法连接到 Discord（{error}）。</translation>
        </message>
        <message>
            <source>Discord is rate limiting the bot; retry in {seconds} s.</source>
            <translation>Discord 正在限制机器人的请求频率；请在 {seconds} 秒后重试。</translation>
        </message>
        <message>
            <source>Discord refused the privileged intents (gateway close 4014).</source>
            <translation>Discord 拒绝了特权意图（网关关闭代码 4014）。</translation>
        </message>
        <message>
            <source>Discord rejected the bot token (HTTP 401).</source>
            <translation>Discord 拒绝了机器人令牌（HTTP 401）。</translation>
        </message>
        <message>
            <source>Discord rejected the bot token (gateway close {code}).</source>
            <translation>Discord 拒绝了机器人令牌（网关关闭代码 {code}）。</translation>
        </message>
        <message>
            <source>Discord's answer named no bot user.</source>
            <translation>Discord 的响应中没有机器人用户。</translation>
        </message>
        <message>
            <source>Discord's answer named no gateway URL.</source>
            <translation>Discord 的响应中没有网关地址。</translation>
        </message>
        <message>
            <source>Logged in as {name}.</source>
            <translation>已登录为 {name}。</translation>
        </message>
        <message>
            <source>Not connected to Discord.</source>
            <translation>未连接到 Discord。</translation>
        </message>
        <message>
            <source>Refused to delete channel {channel}: it is a configured target.</source>
            <translation>拒绝删除频道 {channel}：它是已配置的目标频道。</translation>
        </message>
        <message>
            <source>Refused to delete channel {channel}: it is not a temporary channel this app created.</source>
            <translation>拒绝删除频道 {channel}：它不是本应用创建的临时频道。</translation>
        </message>
        <message>
            <source>Refused to delete channel {channel}: {error}</source>
            <translation>拒绝删除频道 {channel}：{error}</translation>
        </message>
        <message>
            <source>Refused to delete message {message} in channel {channel}: it is not a message this process has just sent there.</source>
            <translation>拒绝删除频道 {channel} 中的消息 {message}：它不是本进程刚刚在那里发送的消息。</translation>
        </message>
        <message>
            <source>The Discord gateway could not be found.</source>
            <translation>找不到 Discord 网关。</translation>
        </message>
        <message>
            <source>The gateway connection closed with code {code}.</source>
            <translation>网关连接已关闭，代码 {code}。</translation>
        </message>
        <message>
            <source>The proxy refused the user name or password (HTTP 407).</source>
            <translation>代理拒绝了用户名或密码（HTTP 407）。</translation>
        </message>
        <message>
            <source>The request to Discord timed out.</source>
            <translation>对 Discord 的请求超时。</translation>
        </message>
        <message>
            <source>Unexpected error talking to Discord ({error}).</source>
            <translation>与 Discord 通信时出现意外错误（{error}）。</translation>
        </message>
    </context>
    <context>
        <name>Due</name>
        <message>
            <source>added {0} — first keep-alive {1}</source>
            <translation>{0}添加——首次保活：{1}</translation>
        </message>
        <message>
            <source>disabled — no keep-alive</source>
            <translation>已停用——不发送保活</translation>
        </message>
        <message>
            <source>due since {0} — Run now sends it</source>
            <translation>自{0}起待发送——“立即运行”会发送</translation>
        </message>
        <message>
            <source>schedule paused</source>
            <translation>计划已暂停</translation>
        </message>
        <message>
            <source>sent by another machine at {0} — next {1}</source>
            <translation>已由另一台机器于 {0} 发送——下次：{1}</translation>
        </message>
        <message>
            <source>sent {0} — next {1}</source>
            <translation>已于{0}发送——下次：{1}</translation>
        </message>
        <message>
            <source>sent — next {0}</source>
            <translation>已发送——下次：{0}</translation>
        </message>
        <message>
            <source>today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>today at {0}</source>
            <translation>今天 {0}</translation>
        </message>
        <message>
            <source>tomorrow at {0}</source>
            <translation>明天 {0}</translation>
        </message>
        <message>
            <source>yesterday</source>
            <translation>昨天</translation>
        </message>
        <message>
            <source>yesterday at {0}</source>
            <translation>昨天 {0}</translation>
        </message>
        <message>
            <source>{date} at {time}</source>
            <translation>{date} {time}</translation>
        </message>
    </context>
    <context>
        <name>Engine</name>
        <message>
            <source>Delivered by an earlier attempt; reply not checked.</source>
            <translation>已在之前的尝试中送达；未检查回复。</translation>
        </message>
        <message>
            <source>No reply within {seconds} s.</source>
            <translation>{seconds} 秒内没有回复。</translation>
        </message>
        <message>
            <source>Not attempted: {reason}</source>
            <translation>未尝试：{reason}</translation>
        </message>
        <message>
            <source>Orphan cleanup stopped: {reason}</source>
            <translation>遗留频道清理已停止：{reason}</translation>
        </message>
        <message>
            <source>Removed temporary channel {channel} left by run {run}.</source>
            <translation>已删除第 {run} 次运行遗留的临时频道 {channel}。</translation>
        </message>
        <message>
            <source>Reply check failed: {reason}</source>
            <translation>回复检查失败：{reason}</translation>
        </message>
        <message>
            <source>Run {run} ({trigger}, slot {slot}): {counts}.</source>
            <translation>第 {run} 次运行（{trigger}，时段 {slot}）：{counts}。</translation>
        </message>
        <message numerus="yes">
            <source>Run {run} started: slot {slot}, {trigger}, %n channel(s)</source>
            <translation>
                <numerusform>第 {run} 次运行开始：时段 {slot}，{trigger}，%n 个频道</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Run {run} started: slot {slot}, {trigger}, %n channel(s), forced</source>
            <translation>
                <numerusform>第 {run} 次运行开始：时段 {slot}，{trigger}，%n 个频道，强制发送</numerusform>
            </translation>
        </message>
        <message>
            <source>Sent by another machine at {time}; nothing sent from here.</source>
            <translation>已由另一台机器于 {time} 发送；本机未发送。</translation>
        </message>
        <message>
            <source>Sent by another machine at {time}; our duplicate was withdrawn. {note}</source>
            <translation>已由另一台机器于 {time} 发送；本机的重复消息已撤回。{note}</translation>
        </message>
        <message>
            <source>Temporary channel #{name} could not be deleted ({reason}); it is removed at the next start.</source>
            <translation>临时频道 #{name} 未能删除（{reason}）；下次启动时会删除它。</translation>
        </message>
        <message>
            <source>Temporary channel #{name} not deleted: {error}</source>
            <translation>临时频道 #{name} 未删除：{error}</translation>
        </message>
        <message>
            <source>Temporary channel {channel} not deleted: {reason}</source>
            <translation>临时频道 {channel} 未删除：{reason}</translation>
        </message>
        <message>
            <source>Temporary channel {channel} was recorded late.</source>
            <translation>临时频道 {channel} 的记录晚了一步。</translation>
        </message>
        <message>
            <source>The target bot replied in {seconds} s.</source>
            <translation>目标机器人在 {seconds} 秒内回复。</translation>
        </message>
        <message>
            <source>Unexpected error: {error}</source>
            <translation>意外错误：{error}</translation>
        </message>
        <message>
            <source>catch-up</source>
            <translation>补发</translation>
        </message>
        <message>
            <source>channel check</source>
            <translation>检查频道</translation>
        </message>
        <message>
            <source>manual</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>nothing to do</source>
            <translation>无需运行</translation>
        </message>
        <message>
            <source>retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>scheduled</source>
            <translation>计划</translation>
        </message>
        <message>
            <source>send</source>
            <translation>发送</translation>
        </message>
        <message>
            <source>verify</source>
            <translation>验证频道</translation>
        </message>
        <message>
            <source>{count} already done</source>
            <translation>已完成 {count}</translation>
        </message>
        <message>
            <source>{count} {state}</source>
            <translation>{state} {count}</translation>
        </message>
        <message>
            <source>{first}, {rest}</source>
            <translation>{first}，{rest}</translation>
        </message>
        <message>
            <source>{label}: another machine sent slot {slot} at {time} (message {winner}), just before us; duplicate {message} withdrawn.</source>
            <translation>{label}：另一台机器在本机之前于 {time} 发送了时段 {slot} 的消息（消息 {winner}）；已撤回重复消息 {message}。</translation>
        </message>
        <message>
            <source>{label}: another machine sent slot {slot} first, and our duplicate {message} could not be withdrawn ({reason}).</source>
            <translation>{label}：另一台机器先发送了时段 {slot} 的消息，而本机的重复消息 {message} 未能撤回（{reason}）。</translation>
        </message>
        <message>
            <source>{label}: another process of this home is sending slot {slot} now.</source>
            <translation>{label}：此数据目录的另一个进程正在发送时段 {slot} 的消息。</translation>
        </message>
        <message>
            <source>{label}: another run is sending slot {slot} now.</source>
            <translation>{label}：另一次运行正在发送时段 {slot} 的消息。</translation>
        </message>
        <message>
            <source>{label}: could not look for a simultaneous send by another machine ({reason}).</source>
            <translation>{label}：无法检查另一台机器是否同时发送了消息（{reason}）。</translation>
        </message>
        <message>
            <source>{label}: slot {slot} was already delivered; not sending again.</source>
            <translation>{label}：时段 {slot} 的消息已经送达；不再发送。</translation>
        </message>
        <message>
            <source>{label}: slot {slot} was sent by another machine at {time} (message {message}); not sending.</source>
            <translation>{label}：时段 {slot} 的消息已由另一台机器于 {time} 发送（消息 {message}）；不再发送。</translation>
        </message>
        <message>
            <source>{label}: {state} in {seconds} s — {note}</source>
            <translation>{label}：{state}（{seconds} 秒）——{note}</translation>
        </message>
        <message>
            <source>{label}: {state} — {note}</source>
            <translation>{label}：{state}——{note}</translation>
        </message>
        <message>
            <source>{label}: {step}: {state} ({reason}); retry {attempt} in {seconds} s</source>
            <translation>{label}：{step}：{state}（{reason}）；{seconds} 秒后第 {attempt} 次重试</translation>
        </message>
        <message>
            <source>{reason}: stopping this run.</source>
            <translation>{reason}：停止本次运行。</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>Import from coze-discord-proxy…</source>
            <translation>从 coze-discord-proxy 导入…</translation>
        </message>
        <message>
            <source>Welcome to CDP Desktop</source>
            <translation>欢迎使用 CDP Desktop</translation>
        </message>
    </context>
    <context>
        <name>GuiApp</name>
        <message>
            <source>Start</source>
            <translation>启动</translation>
        </message>
        <message>
            <source>Unexpected error: {0}. Details are in the log.</source>
            <translation>意外错误：{0}。详细信息见日志。</translation>
        </message>
    </context>
    <context>
        <name>Heartbeat</name>
        <message>
            <source>App not running</source>
            <translation>应用未运行</translation>
        </message>
        <message>
            <source>Channel missing</source>
            <translation>频道缺失</translation>
        </message>
        <message>
            <source>Channel not added yet</source>
            <translation>频道尚未添加</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Not run for this channel</source>
            <translation>未对此频道运行</translation>
        </message>
        <message>
            <source>Not run yet today</source>
            <translation>今天尚未运行</translation>
        </message>
        <message>
            <source>Replied</source>
            <translation>已回复</translation>
        </message>
        <message>
            <source>Sent by another machine</source>
            <translation>由另一台机器发送</translation>
        </message>
        <message>
            <source>Sent, no reply</source>
            <translation>已发送，未回复</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <source>another cdp-desktop process is writing {path}; try again in a moment.</source>
            <translation>另一个 cdp-desktop 进程正在写入 {path}；请稍后重试。</translation>
        </message>
        <message>
            <source>cannot create {path} ({reason}); check that its folder is writable, or pass --home DIR.</source>
            <translation>无法创建 {path}（{reason}）；请检查它所在的文件夹是否可写，或使用 --home DIR。</translation>
        </message>
        <message>
            <source>no send intent recorded for {target} / {slot}</source>
            <translation>没有为 {target} / {slot} 记录发送意图</translation>
        </message>
        <message>
            <source>the disk is full: {path} could not be written; free some space and try again.</source>
            <translation>磁盘已满：无法写入 {path}；请释放一些空间后重试。</translation>
        </message>
        <message>
            <source>{damage} It was moved to {aside}; a new history was started.</source>
            <translation>{damage}它已被移到 {aside}，并已开始新的历史记录。</translation>
        </message>
        <message>
            <source>{damage} Run `cdp-desktop status` (or start the app) to keep it aside and start a new history.</source>
            <translation>{damage}请运行 `cdp-desktop status`（或启动应用），将它移到一旁并开始新的历史记录。</translation>
        </message>
        <message>
            <source>{path} cannot be opened ({reason}); check that its folder exists and is writable.</source>
            <translation>无法打开 {path}（{reason}）；请检查它所在的文件夹是否存在且可写。</translation>
        </message>
        <message>
            <source>{path} could not be read or written ({reason}); check the disk and its free space.</source>
            <translation>无法读写 {path}（{reason}）；请检查磁盘及其剩余空间。</translation>
        </message>
        <message>
            <source>{path} could not be used ({reason}).</source>
            <translation>无法使用 {path}（{reason}）。</translation>
        </message>
        <message>
            <source>{path} is a folder, not a history database.</source>
            <translation>{path} 是一个文件夹，而不是历史记录数据库。</translation>
        </message>
        <message>
            <source>{path} is damaged ({reason}).</source>
            <translation>{path} 已损坏（{reason}）。</translation>
        </message>
        <message>
            <source>{path} is damaged and could not be moved aside ({reason}); move it away by hand.</source>
            <translation>{path} 已损坏，且无法移到一旁（{reason}）；请手动将它移走。</translation>
        </message>
        <message>
            <source>{path} is read-only ({reason}); make it and its folder writable.</source>
            <translation>{path} 是只读的（{reason}）；请使它及其所在的文件夹可写。</translation>
        </message>
        <message>
            <source>{path} was written by a newer version of CDP Desktop (history schema {version}); upgrade CDP Desktop, or move the file away to start a new history.</source>
            <translation>{path} 由更新版本的 CDP Desktop 写入（历史记录格式版本 {version}）；请升级 CDP Desktop，或将该文件移走以开始新的历史记录。</translation>
        </message>
        <message>
            <source>{problem} Channel states and past runs are not shown.</source>
            <translation>{problem}频道状态和以往的运行记录不会显示。</translation>
        </message>
    </context>
    <context>
        <name>Lock</name>
        <message>
            <source>another cdp-desktop process has been changing the configuration for more than {seconds} s (lock {path}); wait for it to finish and try again</source>
            <translation>另一个 cdp-desktop 进程修改配置已超过 {seconds} 秒（锁文件 {path}）；请等它完成后重试</translation>
        </message>
        <message>
            <source>another cdp-desktop process has been re-adding missing channels for more than {seconds} s (lock {path}); wait for it to finish and try again</source>
            <translation>另一个 cdp-desktop 进程重新创建缺失的频道已超过 {seconds} 秒（锁文件 {path}）；请等它完成后重试</translation>
        </message>
        <message>
            <source>another cdp-desktop process has held the lock {path} for more than {seconds} s; wait for it to finish and try again</source>
            <translation>另一个 cdp-desktop 进程占用锁文件 {path} 已超过 {seconds} 秒；请等它完成后重试</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;About CDP Desktop</source>
            <translation>关于 CDP Desktop(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Add channel…</source>
            <translation>添加频道(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Channels</source>
            <translation>频道(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Close window</source>
            <translation>关闭窗口(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Demo</source>
            <translation>演示(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Disable</source>
            <translation>停用(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Edit channel…</source>
            <translation>编辑频道(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Enable</source>
            <translation>启用(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Import from coze-discord-proxy…</source>
            <translation>从 coze-discord-proxy 导入(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Pause schedule</source>
            <translation>暂停计划(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Remove channel</source>
            <translation>移除频道(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Resume schedule</source>
            <translation>恢复计划(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Send again now</source>
            <translation>立即再次发送(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>A keep-alive run is already going.</source>
            <translation>保活运行已在进行中。</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <source>All {0} channel(s) already got the keep-alive for {1}. Send it again now anyway?</source>
            <translation>全部 {0} 个频道都已收到{1}的保活。仍要立即再次发送吗？</translation>
        </message>
        <message>
            <source>Bot &amp;token…</source>
            <translation>机器人令牌(&amp;T)…</translation>
        </message>
        <message>
            <source>Channel &amp;details…</source>
            <translation>频道详情(&amp;D)…</translation>
        </message>
        <message>
            <source>Could not open {0}</source>
            <translation>无法打开 {0}</translation>
        </message>
        <message>
            <source>Could not re-create a channel: {0}</source>
            <translation>无法重新创建频道：{0}</translation>
        </message>
        <message>
            <source>Demo</source>
            <translation>演示</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>停用</translation>
        </message>
        <message>
            <source>Discord rejected the bot token, so nothing was sent. Enter a new one in Bot token…</source>
            <translation>Discord 拒绝了机器人令牌，因此未发送任何消息。请在“机器人令牌…”中输入新令牌。</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>List servers</source>
            <translation>列出服务器</translation>
        </message>
        <message>
            <source>No bot token is set, so nothing was sent. Enter one in Bot token…</source>
            <translation>尚未设置机器人令牌，因此未发送任何消息。请在“机器人令牌…”中输入。</translation>
        </message>
        <message>
            <source>No channel is missing.</source>
            <translation>没有缺失的频道。</translation>
        </message>
        <message>
            <source>No channels yet. Click “Add…” to choose one.</source>
            <translation>还没有频道。点击“添加…”选择一个。</translation>
        </message>
        <message>
            <source>Nothing was due</source>
            <translation>没有待发送的保活</translation>
        </message>
        <message>
            <source>Open &amp;log folder</source>
            <translation>打开日志文件夹(&amp;L)</translation>
        </message>
        <message>
            <source>Re-add &amp;missing channels</source>
            <translation>重新创建缺失的频道(&amp;M)</translation>
        </message>
        <message>
            <source>Re-add missing channels</source>
            <translation>重新创建缺失的频道</translation>
        </message>
        <message>
            <source>Re-add missing channels ({0})</source>
            <translation>重新创建缺失的频道（{0}）</translation>
        </message>
        <message>
            <source>Re-adding…</source>
            <translation>正在重新创建…</translation>
        </message>
        <message>
            <source>Re-created {0} channel(s).</source>
            <translation>已重新创建 {0} 个频道。</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Remove channel</source>
            <translation>移除频道</translation>
        </message>
        <message>
            <source>Run finished: {0}</source>
            <translation>运行完成：{0}</translation>
        </message>
        <message>
            <source>Run keep-alive &amp;now</source>
            <translation>立即运行保活(&amp;N)</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>立即运行</translation>
        </message>
        <message>
            <source>Running keep-alive…</source>
            <translation>正在运行保活…</translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>正在运行…</translation>
        </message>
        <message>
            <source>Send again now</source>
            <translation>立即再次发送</translation>
        </message>
        <message>
            <source>Sending the keep-alive again…</source>
            <translation>正在再次发送保活消息…</translation>
        </message>
        <message>
            <source>Sending the keep-alive…</source>
            <translation>正在发送保活消息…</translation>
        </message>
        <message>
            <source>Sent to what was due; {0} channel(s) already had today's keep-alive (Channels → Send again now).</source>
            <translation>已发送到待发送的频道；{0} 个频道今天已收到保活（频道 → 立即再次发送）。</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>正在启动…</translation>
        </message>
        <message>
            <source>Still starting; try again in a moment.</source>
            <translation>仍在启动，请稍后再试。</translation>
        </message>
        <message>
            <source>Stop sending keep-alives to {0}?
The channel itself stays on Discord; only this app forgets it.</source>
            <translation>停止向 {0} 发送保活消息吗？
频道本身仍保留在 Discord 上，只是本应用不再记录它。</translation>
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
            <translation>网络错误</translation>
        </message>
        <message>
            <source>the connection was reset</source>
            <translation>连接被重置</translation>
        </message>
        <message>
            <source>the name {host} could not be resolved (check DNS or the proxy)</source>
            <translation>无法解析域名 {host}（请检查 DNS 或代理）</translation>
        </message>
        <message>
            <source>the proxy could not be used (check its address, user name and password)</source>
            <translation>无法使用代理（请检查其地址、用户名和密码）</translation>
        </message>
        <message>
            <source>the secure connection to {address} failed (TLS certificate or protocol)</source>
            <translation>与 {address} 的安全连接失败（TLS 证书或协议问题）</translation>
        </message>
        <message>
            <source>the server closed the connection</source>
            <translation>服务器关闭了连接</translation>
        </message>
        <message>
            <source>{address} cannot be reached from this network</source>
            <translation>从当前网络无法访问 {address}</translation>
        </message>
        <message>
            <source>{address} did not answer in time</source>
            <translation>{address} 未在规定时间内应答</translation>
        </message>
        <message>
            <source>{address} refused the connection</source>
            <translation>{address} 拒绝了连接</translation>
        </message>
    </context>
    <context>
        <name>Notice</name>
        <message>
            <source>Bot token rejected</source>
            <translation>机器人令牌被拒绝</translation>
        </message>
        <message>
            <source>CDP endpoint down</source>
            <translation>CDP 接口不可用</translation>
        </message>
        <message>
            <source>CDP endpoint up again</source>
            <translation>CDP 接口已恢复</translation>
        </message>
        <message>
            <source>Channel missing on Discord</source>
            <translation>Discord 上的频道缺失</translation>
        </message>
        <message>
            <source>Discord unreachable</source>
            <translation>无法连接 Discord</translation>
        </message>
        <message>
            <source>Enter a new token from the Discord Developer Portal.</source>
            <translation>请从 Discord 开发者门户获取并输入新的令牌。</translation>
        </message>
        <message>
            <source>Keep-alive failed</source>
            <translation>保活失败</translation>
        </message>
        <message>
            <source>Keep-alive working again</source>
            <translation>保活已恢复正常</translation>
        </message>
        <message>
            <source>Lost access to a channel</source>
            <translation>失去了频道的访问权限</translation>
        </message>
        <message>
            <source>Scheduler stopped</source>
            <translation>调度器已停止</translation>
        </message>
        <message>
            <source>Target bot did not reply</source>
            <translation>目标机器人未回复</translation>
        </message>
        <message>
            <source>The bot cannot see or write to {channel}.</source>
            <translation>机器人无法查看 {channel} 或在其中发言。</translation>
        </message>
        <message>
            <source>The bot cannot see or write to {count} channels ({channels}).</source>
            <translation>机器人无法查看 {count} 个频道或在其中发言（{channels}）。</translation>
        </message>
        <message>
            <source>The keep-alive for {channel} did not go out.</source>
            <translation>{channel} 的保活消息未能发出。</translation>
        </message>
        <message>
            <source>The keep-alive for {channel} did not go out. Retrying at {retry}.</source>
            <translation>{channel} 的保活消息未能发出，将于 {retry} 重试。</translation>
        </message>
        <message>
            <source>The keep-alive for {count} channels did not go out.</source>
            <translation>{count} 个频道的保活消息未能发出。</translation>
        </message>
        <message>
            <source>The keep-alive for {count} channels did not go out. Retrying at {retry}.</source>
            <translation>{count} 个频道的保活消息未能发出，将于 {retry} 重试。</translation>
        </message>
        <message>
            <source>The scheduler stopped unexpectedly; see the log.</source>
            <translation>调度器意外停止；请查看日志。</translation>
        </message>
        <message>
            <source>The target bot did not answer in {channel}.</source>
            <translation>目标机器人未在 {channel} 中回复。</translation>
        </message>
        <message>
            <source>The target bots did not answer in {count} channels ({channels}).</source>
            <translation>目标机器人未在 {count} 个频道中回复（{channels}）。</translation>
        </message>
        <message>
            <source>{channel} could not be reached.</source>
            <translation>无法连接到 {channel}。</translation>
        </message>
        <message>
            <source>{channel} could not be reached. Retrying at {retry}.</source>
            <translation>无法连接到 {channel}，将于 {retry} 重试。</translation>
        </message>
        <message>
            <source>{channel} is working again.</source>
            <translation>{channel} 已恢复正常。</translation>
        </message>
        <message>
            <source>{channel} no longer exists on Discord. Use “Re-add missing channels”.</source>
            <translation>{channel} 在 Discord 上已不存在。请使用“重新创建缺失的频道”。</translation>
        </message>
        <message>
            <source>{count} channels are working again.</source>
            <translation>{count} 个频道已恢复正常。</translation>
        </message>
        <message>
            <source>{count} channels could not be reached.</source>
            <translation>{count} 个频道无法连接。</translation>
        </message>
        <message>
            <source>{count} channels could not be reached. Retrying at {retry}.</source>
            <translation>{count} 个频道无法连接，将于 {retry} 重试。</translation>
        </message>
        <message>
            <source>{count} channels no longer exist on Discord ({channels}). Use “Re-add missing channels”.</source>
            <translation>{count} 个频道在 Discord 上已不存在（{channels}）。请使用“重新创建缺失的频道”。</translation>
        </message>
        <message>
            <source>{first}, {rest}</source>
            <translation>{first}、{rest}</translation>
        </message>
        <message>
            <source>{first}, …</source>
            <translation>{first}等</translation>
        </message>
        <message>
            <source>{title}: {body}</source>
            <translation>{title}：{body}</translation>
        </message>
        <message>
            <source>{url}: {state}</source>
            <translation>{url}：{state}</translation>
        </message>
    </context>
    <context>
        <name>Notifications</name>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}：{1}</translation>
        </message>
    </context>
    <context>
        <name>Presence</name>
        <message>
            <source>Discord has not reported this bot in the server</source>
            <translation>Discord 未报告该机器人在此服务器中</translation>
        </message>
        <message>
            <source>Discord refused the Server Members and Presence intents (gateway close 4014); enable them for the bot in the Developer Portal</source>
            <translation>Discord 拒绝了 Server Members 和 Presence 意图（网关关闭代码 4014）；请在开发者门户中为机器人开启它们</translation>
        </message>
        <message>
            <source>not connected to Discord</source>
            <translation>未连接到 Discord</translation>
        </message>
        <message>
            <source>presence intents are off in the settings</source>
            <translation>设置中未开启 Presence 意图</translation>
        </message>
    </context>
    <context>
        <name>ProxyTest</name>
        <message>
            <source>Reached {api} through {proxy}.</source>
            <translation>已通过 {proxy} 连接到 {api}。</translation>
        </message>
        <message>
            <source>Reached {api}.</source>
            <translation>已连接到 {api}。</translation>
        </message>
        <message>
            <source>{api}: {reason}</source>
            <translation>{api}：{reason}</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>OK</source>
            <translation>确定</translation>
        </message>
    </context>
    <context>
        <name>Readd</name>
        <message numerus="yes">
            <source>%n channel(s) recreated, {failed} failed.</source>
            <translation>
                <numerusform>已重新创建 %n 个频道，失败 {failed} 个。</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not check the channel: {reason}</source>
            <translation>无法检查该频道：{reason}</translation>
        </message>
        <message>
            <source>No configured channel is missing.</source>
            <translation>没有缺失的已配置频道。</translation>
        </message>
        <message>
            <source>Not attempted: {reason}</source>
            <translation>未尝试：{reason}</translation>
        </message>
        <message>
            <source>Rebound to the channel recreated earlier.</source>
            <translation>已重新绑定到之前重新创建的频道。</translation>
        </message>
        <message>
            <source>Recreated as {channel}, but the configuration could not be saved ({error}); run re-add again to bind it.</source>
            <translation>已重新创建为 {channel}，但配置未能保存（{error}）；请再次运行重新创建来绑定它。</translation>
        </message>
        <message>
            <source>Recreated.</source>
            <translation>已重新创建。</translation>
        </message>
        <message>
            <source>The bot cannot access this server or category. Check its roles and try again.</source>
            <translation>机器人无法访问该服务器或分类。请检查它的身份组后重试。</translation>
        </message>
        <message>
            <source>The bot lacks the Manage Channels permission in this server. Grant it and try again.</source>
            <translation>机器人在该服务器中没有“管理频道”权限。请授予该权限后重试。</translation>
        </message>
        <message>
            <source>The server already has 500 channels, Discord's maximum. Delete a channel there and try again.</source>
            <translation>该服务器已有 500 个频道，达到 Discord 的上限。请先在服务器中删除一个频道再重试。</translation>
        </message>
        <message>
            <source>Unknown server: the bot is no longer a member of it. Invite the bot again or remove the channel.</source>
            <translation>未知的服务器：机器人已不在其中。请重新邀请机器人，或移除该频道。</translation>
        </message>
        <message>
            <source>{label}: not recreated: {reason}</source>
            <translation>{label}：未重新创建：{reason}</translation>
        </message>
        <message>
            <source>{label}: rebound to the channel recreated earlier ({old} → {new}).</source>
            <translation>{label}：已重新绑定到之前重新创建的频道（{old} → {new}）。</translation>
        </message>
        <message>
            <source>{label}: recreated ({old} → {new}).</source>
            <translation>{label}：已重新创建（{old} → {new}）。</translation>
        </message>
    </context>
    <context>
        <name>RunDetailView</name>
        <message>
            <source> ({seconds} s)</source>
            <translation>（{seconds} 秒）</translation>
        </message>
        <message>
            <source>Select a run to see what happened.</source>
            <translation>选择一次运行以查看详情。</translation>
        </message>
        <message>
            <source>{trigger} run {when} — for the keep-alive due {slot}</source>
            <translation>{trigger}运行于{when}——对应{slot}的保活</translation>
        </message>
    </context>
    <context>
        <name>RunsModel</name>
        <message>
            <source>Aborted</source>
            <translation>已中断</translation>
        </message>
        <message>
            <source>Catch-up</source>
            <translation>补发</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>频道</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>For the keep-alive due {0}</source>
            <translation>对应{0}的保活</translation>
        </message>
        <message>
            <source>Manual</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>成功</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Re-add</source>
            <translation>重新创建</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>Scheduled</source>
            <translation>计划</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Trigger</source>
            <translation>触发方式</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>nothing was due</source>
            <translation>没有需要运行的频道</translation>
        </message>
    </context>
    <context>
        <name>RunsPanel</name>
        <message>
            <source>Open log folder</source>
            <translation>打开日志文件夹</translation>
        </message>
        <message>
            <source>Recent runs</source>
            <translation>最近的运行</translation>
        </message>
    </context>
    <context>
        <name>SchedulePage</name>
        <message>
            <source>Daily at:</source>
            <translation>每天时间：</translation>
        </message>
        <message>
            <source>More options are in Settings.</source>
            <translation>更多选项请见“设置”。</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>计划时间</translation>
        </message>
        <message>
            <source>The keep-alive is sent once a day at this time, plus a small random delay.</source>
            <translation>保活消息每天在此时间发送一次，另加少量随机延迟。</translation>
        </message>
        <message>
            <source>Time zone:</source>
            <translation>时区：</translation>
        </message>
    </context>
    <context>
        <name>Service</name>
        <message>
            <source>Could not connect to Discord ({detail}). Check the network, proxy_url and api_base_url.</source>
            <translation>无法连接到 Discord（{detail}）。请检查网络、proxy_url 和 api_base_url。</translation>
        </message>
        <message>
            <source>Could not connect to Discord. Check the network, proxy_url and api_base_url.</source>
            <translation>无法连接到 Discord。请检查网络、proxy_url 和 api_base_url。</translation>
        </message>
        <message>
            <source>Discord rejected the bot token. Set a new one with `cdp-desktop token set`.</source>
            <translation>Discord 拒绝了机器人令牌。请用 `cdp-desktop token set` 设置新的令牌。</translation>
        </message>
        <message>
            <source>No bot token is set. Run `cdp-desktop token set` or use the Token dialog.</source>
            <translation>尚未设置机器人令牌。请运行 `cdp-desktop token set` 或使用“机器人令牌”对话框。</translation>
        </message>
    </context>
    <context>
        <name>ServiceBridge</name>
        <message>
            <source>{action} failed: {error}</source>
            <translation>{action}失败：{error}</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>{mention} daily keep-alive · {date} {time}</source>
            <translation>{mention} 每日保活 · {date} {time}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <source>A new language applies after CDP Desktop restarts.</source>
            <translation>新的语言将在 CDP Desktop 重启后生效。</translation>
        </message>
        <message>
            <source>A random delay of up to this many seconds after the scheduled time.</source>
            <translation>在计划时间之后随机延迟，最多这么多秒。</translation>
        </message>
        <message>
            <source>API base URL:</source>
            <translation>API 基础网址：</translation>
        </message>
        <message>
            <source>Catch up a missed run (computer asleep or offline)</source>
            <translation>补发错过的运行（电脑休眠或离线时）</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>Could not change the login item: {0}</source>
            <translation>无法更改登录启动项：{0}</translation>
        </message>
        <message>
            <source>Daily at:</source>
            <translation>每天时间：</translation>
        </message>
        <message>
            <source>Desktop</source>
            <translation>桌面</translation>
        </message>
        <message>
            <source>Failed: {0}</source>
            <translation>失败：{0}</translation>
        </message>
        <message>
            <source>How long to wait for the target bot's reply (0: do not wait).</source>
            <translation>等待目标机器人回复的时长（0：不等待）。</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <source>Message:</source>
            <translation>消息：</translation>
        </message>
        <message>
            <source>Needs the Server Members and Presence intents enabled for your bot in the Discord Developer Portal (Applications → your app → Bot → Privileged Gateway Intents). Without them, the reply check is used instead.</source>
            <translation>需要在 Discord 开发者门户中为你的机器人启用 Server Members 和 Presence 意图（Applications → 你的应用 → Bot → Privileged Gateway Intents）。未启用时改用回复检查。</translation>
        </message>
        <message>
            <source>Not available on this system yet.</source>
            <translation>此系统暂不支持。</translation>
        </message>
        <message>
            <source>Not saved: {0}</source>
            <translation>未保存：{0}</translation>
        </message>
        <message>
            <source>Placeholders: {mention} (the target bot), {date}, {time}, {channel}.</source>
            <translation>占位符：{mention}（目标机器人）、{date}、{time}、{channel}。</translation>
        </message>
        <message>
            <source>Proxy:</source>
            <translation>代理：</translation>
        </message>
        <message>
            <source>Random delay:</source>
            <translation>随机延迟：</translation>
        </message>
        <message>
            <source>Reach the Discord API through this proxy.</source>
            <translation>通过此代理访问 Discord API。</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>计划</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Show desktop notifications when something fails</source>
            <translation>出现问题时显示桌面通知</translation>
        </message>
        <message>
            <source>Show whether target bots are online (presence intents)</source>
            <translation>显示目标机器人是否在线（Presence 意图）</translation>
        </message>
        <message>
            <source>Start CDP Desktop when I log in</source>
            <translation>登录时启动 CDP Desktop</translation>
        </message>
        <message>
            <source>System</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Test</source>
            <translation>测试</translation>
        </message>
        <message>
            <source>Time zone:</source>
            <translation>时区：</translation>
        </message>
        <message>
            <source>Wait for reply:</source>
            <translation>等待回复：</translation>
        </message>
        <message>
            <source>Works: {0}</source>
            <translation>可用：{0}</translation>
        </message>
        <message>
            <source>none, e.g. http://127.0.0.1:7890 or socks5://127.0.0.1:1080</source>
            <translation>无，例如 http://127.0.0.1:7890 或 socks5://127.0.0.1:1080</translation>
        </message>
    </context>
    <context>
        <name>State</name>
        <message>
            <source>Check that the target bot is online and answers mentions from other bots (Coze may ignore bots).</source>
            <translation>请确认目标机器人在线，并且会回应其他机器人的 @提及（Coze 可能忽略机器人发来的消息）。</translation>
        </message>
        <message>
            <source>Check the network connection and the proxy setting; the app retries.</source>
            <translation>请检查网络连接和代理设置；应用会自动重试。</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>Discord could not be reached.</source>
            <translation>无法连接到 Discord。</translation>
        </message>
        <message>
            <source>Discord down</source>
            <translation>Discord 故障</translation>
        </message>
        <message>
            <source>Discord is rate limiting the bot.</source>
            <translation>Discord 正在对机器人限速。</translation>
        </message>
        <message>
            <source>Discord refused the privileged intents the app asked for.</source>
            <translation>Discord 拒绝了应用请求的特权意图（Privileged Intents）。</translation>
        </message>
        <message>
            <source>Discord rejected the bot token.</source>
            <translation>Discord 拒绝了机器人令牌。</translation>
        </message>
        <message>
            <source>Discord returned a server error.</source>
            <translation>Discord 返回了服务器错误。</translation>
        </message>
        <message>
            <source>Enable the Server Members and Presence intents in the Developer Portal.</source>
            <translation>请在开发者门户中启用 Server Members 和 Presence 意图。</translation>
        </message>
        <message>
            <source>Enter a new token from the Discord Developer Portal.</source>
            <translation>请从 Discord 开发者门户获取并输入新的令牌。</translation>
        </message>
        <message>
            <source>Give the bot View Channel and Send Messages in this channel.</source>
            <translation>请在此频道中授予机器人“查看频道”和“发送消息”权限。</translation>
        </message>
        <message>
            <source>Intents missing</source>
            <translation>缺少意图</translation>
        </message>
        <message>
            <source>Keep-alive message sent.</source>
            <translation>保活消息已发送。</translation>
        </message>
        <message>
            <source>Keep-alive sent and the target bot replied.</source>
            <translation>保活消息已发送，目标机器人已回复。</translation>
        </message>
        <message>
            <source>Keep-alive sent, but the target bot did not reply in time.</source>
            <translation>保活消息已发送，但目标机器人未在规定时间内回复。</translation>
        </message>
        <message>
            <source>Keep-alive sent; the reply check did not finish, so whether the target bot replied is unknown.</source>
            <translation>保活消息已发送；回复检查未完成，因此目标机器人是否回复未知。</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>缺失</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>网络问题</translation>
        </message>
        <message>
            <source>No access</source>
            <translation>无权限</translation>
        </message>
        <message>
            <source>No reply</source>
            <translation>未回复</translation>
        </message>
        <message>
            <source>Not run yet for the current day.</source>
            <translation>今天尚未运行。</translation>
        </message>
        <message>
            <source>Nothing to do: the app retries later today.</source>
            <translation>无需操作：应用会在今天稍后重试。</translation>
        </message>
        <message>
            <source>Other machine</source>
            <translation>另一台机器</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>待运行</translation>
        </message>
        <message>
            <source>Rate limited</source>
            <translation>被限速</translation>
        </message>
        <message>
            <source>Replied</source>
            <translation>已回复</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>已发送</translation>
        </message>
        <message>
            <source>Sent by another machine or process for this day (found in the channel); nothing more was sent.</source>
            <translation>今天的保活消息已由另一台机器或另一个进程发送（在频道中找到）；未再发送。</translation>
        </message>
        <message>
            <source>Sent, reply unknown</source>
            <translation>已发送，回复未知</translation>
        </message>
        <message>
            <source>The bot cannot see or write to this channel.</source>
            <translation>机器人无法查看此频道或在其中发言。</translation>
        </message>
        <message>
            <source>The channel is disabled.</source>
            <translation>该频道已停用。</translation>
        </message>
        <message>
            <source>The channel no longer exists on Discord.</source>
            <translation>该频道在 Discord 上已不存在。</translation>
        </message>
        <message>
            <source>Token invalid</source>
            <translation>令牌无效</translation>
        </message>
        <message>
            <source>Use “Re-add missing channels” to recreate it.</source>
            <translation>使用“重新创建缺失的频道”来重建它。</translation>
        </message>
        <message>
            <source>discord_unavailable</source>
            <translation>Discord 故障</translation>
        </message>
        <message>
            <source>intents_missing</source>
            <translation>缺少意图</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>缺失</translation>
        </message>
        <message>
            <source>network</source>
            <translation>网络问题</translation>
        </message>
        <message>
            <source>no_access</source>
            <translation>无权限</translation>
        </message>
        <message>
            <source>no_reply</source>
            <translation>未回复</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>已发送</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待运行</translation>
        </message>
        <message>
            <source>rate_limited</source>
            <translation>被限速</translation>
        </message>
        <message>
            <source>replied</source>
            <translation>已回复</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>已发送，回复未知</translation>
        </message>
        <message>
            <source>sent_elsewhere</source>
            <translation>由另一台机器发送</translation>
        </message>
        <message>
            <source>skipped_disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>token_invalid</source>
            <translation>令牌无效</translation>
        </message>
        <message>
            <source>{what} {fix}</source>
            <translation>{what}{fix}</translation>
        </message>
    </context>
    <context>
        <name>StateName</name>
        <message>
            <source>Discord down</source>
            <translation>Discord 故障</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>intents missing</source>
            <translation>缺少意图</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>缺失</translation>
        </message>
        <message>
            <source>network</source>
            <translation>网络问题</translation>
        </message>
        <message>
            <source>no access</source>
            <translation>无权限</translation>
        </message>
        <message>
            <source>no reply</source>
            <translation>未回复</translation>
        </message>
        <message>
            <source>other machine</source>
            <translation>另一台机器</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待运行</translation>
        </message>
        <message>
            <source>rate limited</source>
            <translation>被限速</translation>
        </message>
        <message>
            <source>replied</source>
            <translation>已回复</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>已发送</translation>
        </message>
        <message>
            <source>sent, reply unknown</source>
            <translation>已发送，回复未知</translation>
        </message>
        <message>
            <source>token invalid</source>
            <translation>令牌无效</translation>
        </message>
    </context>
    <context>
        <name>StatusHeader</name>
        <message>
            <source>Connected</source>
            <translation>已连接</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <source>Last run {when}: {summary}</source>
            <translation>上次运行 {when}：{summary}</translation>
        </message>
        <message>
            <source>Next run due now ({0})</source>
            <translation>下次运行：现在（{0}）</translation>
        </message>
        <message>
            <source>Next run in {countdown} (at {time})</source>
            <translation>{countdown} 后运行（{time}）</translation>
        </message>
        <message>
            <source>No bot token</source>
            <translation>没有机器人令牌</translation>
        </message>
        <message>
            <source>No run scheduled</source>
            <translation>没有计划的运行</translation>
        </message>
        <message>
            <source>No runs yet</source>
            <translation>尚无运行记录</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Privileged intents not enabled</source>
            <translation>未开启特权意图</translation>
        </message>
        <message>
            <source>Reconnecting…</source>
            <translation>正在重新连接…</translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>正在运行…</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>正在启动…</translation>
        </message>
        <message>
            <source>Token rejected by Discord</source>
            <translation>令牌被 Discord 拒绝</translation>
        </message>
        <message>
            <source>Waiting for the network</source>
            <translation>正在等待网络</translation>
        </message>
        <message>
            <source>nothing was due</source>
            <translation>没有需要运行的频道</translation>
        </message>
        <message>
            <source>{state} · via proxy {proxy}</source>
            <translation>{state} · 通过代理 {proxy}</translation>
        </message>
        <message>
            <source>{state} · via proxy {proxy} · {reason}</source>
            <translation>{state} · 通过代理 {proxy} · {reason}</translation>
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
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>System ({0})</source>
            <translation>系统（{0}）</translation>
        </message>
    </context>
    <context>
        <name>TokenDialog</name>
        <message>
            <source>Bot token</source>
            <translation>机器人令牌</translation>
        </message>
    </context>
    <context>
        <name>TokenPage</name>
        <message>
            <source>Bot token</source>
            <translation>机器人令牌</translation>
        </message>
        <message>
            <source>CDP Desktop posts the keep-alive as your Discord bot.</source>
            <translation>CDP Desktop 以你的 Discord 机器人身份发送保活消息。</translation>
        </message>
    </context>
    <context>
        <name>TokenPanel</name>
        <message>
            <source>A token is stored. Enter a new one to replace it.</source>
            <translation>已保存一个令牌。输入新令牌即可替换。</translation>
        </message>
        <message>
            <source>Bot token</source>
            <translation>机器人令牌</translation>
        </message>
        <message>
            <source>Clear token</source>
            <translation>清除令牌</translation>
        </message>
        <message>
            <source>Clear token…</source>
            <translation>清除令牌…</translation>
        </message>
        <message>
            <source>Log in with this token until CDP Desktop quits, without storing it anywhere.</source>
            <translation>使用此令牌登录直到 CDP Desktop 退出，不在任何地方保存。</translation>
        </message>
        <message>
            <source>Logged in as {0}, but the keyring could not store the token: it is used for this session only.</source>
            <translation>已登录为 {0}，但系统密钥环无法保存令牌：它仅在本次运行中使用。</translation>
        </message>
        <message>
            <source>Logged in as {0}. The token is saved in the system keyring.</source>
            <translation>已登录为 {0}。令牌已保存在系统密钥环中。</translation>
        </message>
        <message>
            <source>Logged in as {0}. The token is used for this session only.</source>
            <translation>已登录为 {0}。令牌仅在本次运行中使用。</translation>
        </message>
        <message>
            <source>Logging in to Discord…</source>
            <translation>正在登录 Discord…</translation>
        </message>
        <message>
            <source>No keyring is available to store the token (start GNOME Keyring or KWallet in your desktop session). You can still use the token for this session only: it is kept in memory and never written to a file.</source>
            <translation>没有可用于保存令牌的系统密钥环（请在桌面会话中启动 GNOME Keyring 或 KWallet）。你仍可以仅在本次运行中使用令牌：它只保存在内存中，绝不会写入文件。</translation>
        </message>
        <message>
            <source>Paste the bot token from the Discord Developer Portal (Applications → your app → Bot → Reset Token). It is checked by logging in, then stored in the system keyring.</source>
            <translation>粘贴来自 Discord 开发者门户的机器人令牌（Applications → 你的应用 → Bot → Reset Token）。令牌会先通过登录验证，然后保存在系统密钥环中。</translation>
        </message>
        <message>
            <source>Remove the bot token from the keyring? CDP Desktop goes offline until you enter a new one.</source>
            <translation>要从系统密钥环中删除机器人令牌吗？在输入新令牌之前，CDP Desktop 将处于离线状态。</translation>
        </message>
        <message>
            <source>Removing the token…</source>
            <translation>正在删除令牌…</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Something went wrong: {0}</source>
            <translation>出现问题：{0}</translation>
        </message>
        <message>
            <source>Still working… If your desktop asks for the keyring password, unlock it; the window stays usable meanwhile.</source>
            <translation>仍在处理…如果桌面要求输入密钥环密码，请解锁；在此期间窗口仍可正常使用。</translation>
        </message>
        <message>
            <source>The keyring is locked. Saving will ask your desktop to unlock it.</source>
            <translation>系统密钥环已锁定。保存时桌面会请求解锁。</translation>
        </message>
        <message>
            <source>The token was removed.</source>
            <translation>令牌已删除。</translation>
        </message>
        <message>
            <source>Use for this session only</source>
            <translation>仅在本次运行中使用</translation>
        </message>
        <message>
            <source>Validate &amp;&amp; save</source>
            <translation>验证并保存</translation>
        </message>
        <message>
            <source>Waiting for the keyring to unlock…</source>
            <translation>正在等待系统密钥环解锁…</translation>
        </message>
        <message>
            <source>the bot</source>
            <translation>机器人</translation>
        </message>
    </context>
    <context>
        <name>TokenShape</name>
        <message>
            <source>A bot token has three parts separated by dots; this text has {parts}. Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</source>
            <translation>机器人令牌由三段组成，以点分隔；这段文本有 {parts} 段。请从 Discord 开发者门户重新复制（Applications → 你的应用 → Bot → Reset Token）。</translation>
        </message>
        <message>
            <source>The first part of a bot token encodes the bot's user ID, and this one does not; it may be the client secret or the public key instead. Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</source>
            <translation>机器人令牌的第一段编码了机器人的用户 ID，而这段文本不是；它可能是客户端密钥（Client Secret）或公钥。请从 Discord 开发者门户重新复制（Applications → 你的应用 → Bot → Reset Token）。</translation>
        </message>
        <message>
            <source>The token contains characters a bot token cannot have (only letters, digits, - and _ between the dots). Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</source>
            <translation>令牌包含机器人令牌中不可能出现的字符（点之间只能有字母、数字、- 和 _）。请从 Discord 开发者门户重新复制（Applications → 你的应用 → Bot → Reset Token）。</translation>
        </message>
        <message>
            <source>The token is empty. Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</source>
            <translation>令牌为空。请从 Discord 开发者门户重新复制（Applications → 你的应用 → Bot → Reset Token）。</translation>
        </message>
        <message>
            <source>The token is too long ({length} characters; bot tokens have about 70). Copy it again from the Discord Developer Portal (Applications → your app → Bot → Reset Token).</source>
            <translation>令牌太长（{length} 个字符；机器人令牌大约 70 个字符）。请从 Discord 开发者门户重新复制（Applications → 你的应用 → Bot → Reset Token）。</translation>
        </message>
    </context>
    <context>
        <name>TokenStore</name>
        <message>
            <source>No bot token is stored yet; enter one (cdp-desktop token set).</source>
            <translation>尚未保存机器人令牌；请输入一个（cdp-desktop token set）。</translation>
        </message>
        <message>
            <source>No keyring is available to store the bot token. Run a Secret Service (GNOME Keyring or KWallet) in your desktop session (macOS Keychain and Windows Credential Manager work out of the box), or set {env} for this process. The token is never stored in a plain file.</source>
            <translation>没有可用于保存机器人令牌的密钥环。请在桌面会话中运行 Secret Service（GNOME Keyring 或 KWallet；macOS 钥匙串和 Windows 凭据管理器可直接使用），或为此进程设置 {env}。令牌绝不会保存在普通文件中。</translation>
        </message>
        <message>
            <source>No proxy secret is stored (cdp-desktop cdp-secret set).</source>
            <translation>尚未保存代理密钥（cdp-desktop cdp-secret set）。</translation>
        </message>
        <message>
            <source>No proxy secret was stored.</source>
            <translation>之前没有保存代理密钥。</translation>
        </message>
        <message>
            <source>No token was stored.</source>
            <translation>之前没有保存令牌。</translation>
        </message>
        <message>
            <source>No token was stored. {env} is still set for this process.</source>
            <translation>之前没有保存令牌。此进程仍设置了 {env}。</translation>
        </message>
        <message>
            <source>Proxy secret read from {backend}.</source>
            <translation>已从 {backend} 读取代理密钥。</translation>
        </message>
        <message>
            <source>Proxy secret removed from {backend}.</source>
            <translation>已从 {backend} 删除代理密钥。</translation>
        </message>
        <message>
            <source>Proxy secret saved in {backend}.</source>
            <translation>代理密钥已保存到 {backend}。</translation>
        </message>
        <message>
            <source>Proxy secret saved in {backend}. {env} is set and still takes precedence in this process.</source>
            <translation>代理密钥已保存到 {backend}。{env} 已设置，在此进程中仍优先使用它。</translation>
        </message>
        <message>
            <source>Proxy secret taken from {env}.</source>
            <translation>代理密钥取自 {env}。</translation>
        </message>
        <message>
            <source>That is not a proxy secret (one line, at most 500 characters).</source>
            <translation>这不是代理密钥（应为一行，最多 500 个字符）。</translation>
        </message>
        <message>
            <source>The keyring ({backend}) did not keep the proxy secret.</source>
            <translation>密钥环（{backend}）没有保存下代理密钥。</translation>
        </message>
        <message>
            <source>The keyring ({backend}) did not keep the token. No keyring is available to store the bot token. Run a Secret Service (GNOME Keyring or KWallet) in your desktop session (macOS Keychain and Windows Credential Manager work out of the box), or set {env} for this process. The token is never stored in a plain file.</source>
            <translation>密钥环（{backend}）没有保存下令牌。没有可用于保存机器人令牌的密钥环。请在桌面会话中运行 Secret Service（GNOME Keyring 或 KWallet；macOS 钥匙串和 Windows 凭据管理器可直接使用），或为此进程设置 {env}。令牌绝不会保存在普通文件中。</translation>
        </message>
        <message>
            <source>The keyring ({backend}) failed: {detail}. Set {env} to use a token without it.</source>
            <translation>密钥环（{backend}）出错：{detail}。设置 {env} 即可不经密钥环使用令牌。</translation>
        </message>
        <message>
            <source>The keyring did not answer within {seconds} s; it is probably locked or waiting for an unlock prompt. Unlock it and try again, or set {env} for this process.</source>
            <translation>密钥环在 {seconds} 秒内没有响应；它可能已锁定，或正在等待解锁提示。请解锁后重试，或为此进程设置 {env}。</translation>
        </message>
        <message>
            <source>The keyring failed: {detail}</source>
            <translation>密钥环出错：{detail}</translation>
        </message>
        <message>
            <source>The keyring is locked or could not be opened ({detail}). Unlock it (for example by logging in to the desktop session) and try again, or set {env} for this process.</source>
            <translation>密钥环已锁定或无法打开（{detail}）。请解锁（例如登录桌面会话）后重试，或为此进程设置 {env}。</translation>
        </message>
        <message>
            <source>The proxy secret is empty; give CDP's PROXY_SECRET value.</source>
            <translation>代理密钥为空；请填写 CDP 的 PROXY_SECRET 值。</translation>
        </message>
        <message>
            <source>Token read from {backend}.</source>
            <translation>已从 {backend} 读取令牌。</translation>
        </message>
        <message>
            <source>Token removed from {backend}.</source>
            <translation>已从 {backend} 删除令牌。</translation>
        </message>
        <message>
            <source>Token removed from {backend}. {env} is still set for this process.</source>
            <translation>已从 {backend} 删除令牌。此进程仍设置了 {env}。</translation>
        </message>
        <message>
            <source>Token saved in {backend}.</source>
            <translation>令牌已保存到 {backend}。</translation>
        </message>
        <message>
            <source>Token saved in {backend}. {env} is set and still takes precedence in this process.</source>
            <translation>令牌已保存到 {backend}。{env} 已设置，在此进程中仍优先使用它。</translation>
        </message>
        <message>
            <source>Token taken from {env}.</source>
            <translation>令牌取自 {env}。</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>All channels OK</source>
            <translation>所有频道正常</translation>
        </message>
        <message>
            <source>Demo</source>
            <translation>演示</translation>
        </message>
        <message>
            <source>Keep-alive failing</source>
            <translation>保活失败</translation>
        </message>
        <message>
            <source>Last run {when}: {summary}</source>
            <translation>上次运行 {when}：{summary}</translation>
        </message>
        <message>
            <source>Next run: {0}</source>
            <translation>下次运行：{0}</translation>
        </message>
        <message>
            <source>No runs yet</source>
            <translation>尚无运行记录</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <source>Open CDP Desktop</source>
            <translation>打开 CDP Desktop</translation>
        </message>
        <message>
            <source>Pause schedule</source>
            <translation>暂停计划</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Re-add missing channels</source>
            <translation>重新创建缺失的频道</translation>
        </message>
        <message>
            <source>Re-add missing channels ({0})</source>
            <translation>重新创建缺失的频道（{0}）</translation>
        </message>
        <message>
            <source>Resume schedule</source>
            <translation>恢复计划</translation>
        </message>
        <message>
            <source>Run keep-alive now</source>
            <translation>立即运行保活</translation>
        </message>
        <message>
            <source>Schedule paused</source>
            <translation>计划已暂停</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>设置…</translation>
        </message>
        <message>
            <source>Some channels need attention</source>
            <translation>部分频道需要处理</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>正在启动…</translation>
        </message>
        <message>
            <source>Still running in the tray: the keep-alive goes out on time. Click the icon to open the window; Quit is in its menu.</source>
            <translation>仍在托盘中运行：保活消息会按时发送。点击图标打开窗口；“退出”在它的菜单中。</translation>
        </message>
        <message>
            <source>nothing was due</source>
            <translation>没有需要运行的频道</translation>
        </message>
        <message>
            <source>{0} missing</source>
            <translation>{0} 个缺失</translation>
        </message>
    </context>
    <context>
        <name>ValidatedLineEdit</name>
        <message>
            <source>Required.</source>
            <translation>必填。</translation>
        </message>
    </context>
    <context>
        <name>argparse</name>
        <message>
            <source>%(heading)s:</source>
            <translation>%(heading)s：</translation>
        </message>
        <message>
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>有歧义的选项：%(option)s 可以匹配 %(matches)s</translation>
        </message>
        <message>
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>参数 %(argument_name)s：%(message)s</translation>
        </message>
        <message>
            <source>expected %s argument</source>
            <translation>需要 %s 个值</translation>
        </message>
        <message>
            <source>expected %s arguments</source>
            <translation>需要 %s 个值</translation>
        </message>
        <message>
            <source>expected at least one argument</source>
            <translation>至少需要一个值</translation>
        </message>
        <message>
            <source>expected at most one argument</source>
            <translation>最多需要一个值</translation>
        </message>
        <message>
            <source>expected one argument</source>
            <translation>需要一个值</translation>
        </message>
        <message>
            <source>ignored explicit argument %r</source>
            <translation>忽略了显式给出的值 %r</translation>
        </message>
        <message>
            <source>invalid %(type)s value: %(value)r</source>
            <translation>无效的 %(type)s 值：%(value)r</translation>
        </message>
        <message>
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
        </message>
        <message>
            <source>not allowed with argument %s</source>
            <translation>不能与参数 %s 同时使用</translation>
        </message>
        <message>
            <source>one of the arguments %s is required</source>
            <translation>必须给出参数 %s 中的一个</translation>
        </message>
        <message>
            <source>options</source>
            <translation>选项</translation>
        </message>
        <message>
            <source>positional arguments</source>
            <translation>位置参数</translation>
        </message>
        <message>
            <source>show program's version number and exit</source>
            <translation>显示程序的版本号并退出</translation>
        </message>
        <message>
            <source>show this help message and exit</source>
            <translation>显示此帮助信息并退出</translation>
        </message>
        <message>
            <source>the following arguments are required: %s</source>
            <translation>缺少以下必需参数：%s</translation>
        </message>
        <message>
            <source>unrecognized arguments: %s</source>
            <translation>无法识别的参数：%s</translation>
        </message>
        <message>
            <source>usage: </source>
            <translation>用法：</translation>
        </message>
    </context>
</TS>
