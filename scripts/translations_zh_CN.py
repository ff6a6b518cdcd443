# ruff: noqa: E501 - translation tables read better one message per line
"""Simplified Chinese for every user-visible string (used by ``update_translations.py``).

Keys are English source texts; a ``(context, source)`` key wins over a plain one when the same English
needs different Chinese in different places. Placeholders ({0}, {name}, %1) and ``&`` accelerators must be
kept. Terms: keep-alive 保活, channel 频道, server/guild 服务器, target bot 目标机器人, bot token 机器人令牌,
keyring 系统密钥环, proxy 代理, run 运行, re-add 重新创建.
"""

from __future__ import annotations

ZH_CN: dict[object, str] = {
    # ---------------------------------------------------------------- State (core/errors.py + UI labels)
    "Keep-alive message sent.": "保活消息已发送。",
    "Keep-alive sent and the target bot replied.": "保活消息已发送，目标机器人已回复。",
    "Keep-alive sent, but the target bot did not reply in time.": "保活消息已发送，但目标机器人未在规定时间内回复。",
    "Check that the target bot is online and answers mentions from other bots (Coze may ignore bots).": (
        "请确认目标机器人在线，并且会回应其他机器人的 @提及（Coze 可能忽略机器人发来的消息）。"
    ),
    "The channel no longer exists on Discord.": "该频道在 Discord 上已不存在。",
    "Use \u201cRe-add missing channels\u201d to recreate it.": "使用\u201c重新创建缺失的频道\u201d来重建它。",
    "The bot cannot see or write to this channel.": "机器人无法查看此频道或在其中发言。",
    "Give the bot View Channel and Send Messages in this channel.": "请在此频道中授予机器人\u201c查看频道\u201d和\u201c发送消息\u201d权限。",
    "Discord is rate limiting the bot.": "Discord 正在对机器人限速。",
    "Nothing to do: the app retries later today.": "无需操作：应用会在今天稍后重试。",
    "Discord returned a server error.": "Discord 返回了服务器错误。",
    "Discord could not be reached.": "无法连接到 Discord。",
    "Check the network connection and the proxy setting; the app retries.": "请检查网络连接和代理设置；应用会自动重试。",
    "Discord rejected the bot token.": "Discord 拒绝了机器人令牌。",
    "Enter a new token from the Discord Developer Portal.": "请从 Discord 开发者门户获取并输入新的令牌。",
    "Discord refused the privileged intents the app asked for.": "Discord 拒绝了应用请求的特权意图（Privileged Intents）。",
    "Enable the Server Members and Presence intents in the Developer Portal.": (
        "请在开发者门户中启用 Server Members 和 Presence 意图。"
    ),
    "The channel is disabled.": "该频道已停用。",
    "Not run yet for the current day.": "今天尚未运行。",
    "Sent": "已发送",
    "Replied": "已回复",
    "No reply": "未回复",
    "Missing": "缺失",
    "No access": "无权限",
    "Rate limited": "被限速",
    "Discord down": "Discord 故障",
    "Network": "网络问题",
    "Token invalid": "令牌无效",
    "Intents missing": "缺少意图",
    "Disabled": "已停用",
    "Pending": "待运行",
    "Sent by another machine or process for this day (found in the channel); nothing more was sent.": (
        "今天的保活消息已由另一台机器或另一个进程发送（在频道中找到）；未再发送。"
    ),
    "Other machine": "另一台机器",
    ("Due", "sent by another machine at {0} \u2014 next {1}"): "已由另一台机器于 {0} 发送——下次：{1}",
    "Sent by another machine at {0}": "已由另一台机器于 {0} 发送",
    "sent by another machine at {time}": "已由另一台机器于 {time} 发送",
    # ---------------------------------------------------------------- Notices (service.py)
    "Channel missing on Discord": "Discord 上的频道缺失",
    "Lost access to a channel": "失去了频道的访问权限",
    "Bot token rejected": "机器人令牌被拒绝",
    "Keep-alive failed": "保活失败",
    "Target bot did not reply": "目标机器人未回复",
    "Keep-alive working again": "保活已恢复正常",
    # ---------------------------------------------------------------- Start at login, menu entry (cli_desktop.py)
    "add the app to your applications menu (Linux: desktop entry and icons for this user)": (
        "将应用添加到应用程序菜单（Linux：为当前用户安装桌面项和图标）"
    ),
    "start the app when you log in (on, off, status)": "登录时启动应用（开启、关闭、状态）",
    "start this installation of the app when you log in": "登录时启动当前这份安装的应用",
    "do not start the app when you log in": "登录时不启动应用",
    "say whether the app starts at login, and from which file or registry value": (
        "显示应用是否在登录时启动，以及登录项所在的文件或注册表值"
    ),
    "remove what this command installed": "移除此命令安装的内容",
    "also write a systemd user unit for `cdp-desktop daemon`": "同时为 `cdp-desktop daemon` 写入 systemd 用户单元",
    "Start it with: systemctl --user daemon-reload && systemctl --user enable --now cdp-desktop": (
        "启动方法：systemctl --user daemon-reload && systemctl --user enable --now cdp-desktop"
    ),
    "Start at login: off": "登录时启动：关",
    "Note: this is not the installation you are running now; `enable` points it here.": (
        "注意：这不是你当前运行的这份安装；执行 `enable` 可改为指向当前安装。"
    ),
    "Menu entry: {path}": "菜单项：{path}",
    "Icons: {path}": "图标：{path}",
    "start at login is not available on this system ({system})": "此系统（{system}）不支持登录时启动",
    "Start at login: on ({location})": "登录时启动：开（{location}）",
    "Starts: {command}": "启动命令：{command}",
    "menu entries are written for Linux desktops only; {system} finds the app by itself": (
        "菜单项仅为 Linux 桌面写入；{system} 会自行找到应用"
    ),
    "Removed {count} file(s): menu entry, icons and the systemd unit this command wrote.": (
        "已移除 {count} 个文件：此命令写入的菜单项、图标和 systemd 单元。"
    ),
    "systemd user unit: {path}": "systemd 用户单元：{path}",
    "Start at login: off ({location}: {note})": "登录时启动：关（{location}：{note}）",
    "cannot change start at login: {problem}": "无法更改登录时启动设置：{problem}",
    "cannot write the desktop entry: {problem} ({path})": "无法写入桌面项：{problem}（{path}）",
    # ---------------------------------------------------------------- Engine / re-add
    "Delivered by an earlier attempt; reply not checked.": "已在之前的尝试中送达；未检查回复。",
    "Not attempted: ": "未尝试：",
    "The server already has 500 channels, Discord's maximum. Delete a channel there and try again.": (
        "该服务器已有 500 个频道，达到 Discord 的上限。请先在服务器中删除一个频道再重试。"
    ),
    "The bot lacks the Manage Channels permission in this server. Grant it and try again.": (
        "机器人在该服务器中没有\u201c管理频道\u201d权限。请授予该权限后重试。"
    ),
    "The bot cannot access this server or category. Check its roles and try again.": (
        "机器人无法访问该服务器或分类。请检查它的身份组后重试。"
    ),
    "Unknown server: the bot is no longer a member of it. Invite the bot again or remove the channel.": (
        "未知的服务器：机器人已不在其中。请重新邀请机器人，或移除该频道。"
    ),
    "Could not check the channel: ": "无法检查频道：",
    # ---------------------------------------------------------------- Channel editor
    "Edit channel": "编辑频道",
    "Add channel": "添加频道",
    "Loading the servers the bot can see\u2026": "正在加载机器人可见的服务器\u2026",
    "Pick from the servers the bot can see": "从机器人可见的服务器中选择",
    "Enter IDs by hand": "手动输入 ID",
    "Server:": "服务器：",
    "Channel:": "频道：",
    "Category:": "分类：",
    "Target bot:": "目标机器人：",
    "Server ID, e.g. 1234567890123456789": "服务器 ID，例如 1234567890123456789",
    "Channel ID": "频道 ID",
    "Category ID (optional)": "分类 ID（可选）",
    "User ID of the bot to mention (optional)": "要 @提及的机器人的用户 ID（可选）",
    "Server ID:": "服务器 ID：",
    "Channel ID:": "频道 ID：",
    "Category ID:": "分类 ID：",
    "Target bot ID:": "目标机器人 ID：",
    "Temporary channel: create a new channel for each run (in the chosen category)": (
        "临时频道：每次运行时新建一个频道（位于所选分类中）"
    ),
    "Taken from Discord when empty": "留空则使用 Discord 上的名称",
    "Own message for this channel": "为此频道单独设置消息",
    "Placeholders: {mention} (the target bot), {date}, {time}, {channel}.": (
        "占位符：{mention}（目标机器人）、{date}、{time}、{channel}。"
    ),
    "Preview:": "预览：",
    "Enabled (send the daily keep-alive to this channel)": "启用（每天向此频道发送保活消息）",
    "Save": "保存",
    "Add": "添加",
    "Name:": "名称：",
    "Pick a channel below, or enter its IDs by hand.": "请在下方选择频道，或手动输入其 ID。",
    "Not connected to Discord: the IDs you type cannot be verified now. They are checked at the next run.": (
        "未连接到 Discord：现在无法验证你输入的 ID，将在下次运行时检查。"
    ),
    "(already added)": "（已添加）",
    "(no category)": "（无分类）",
    "(nobody: do not mention a bot)": "（无：不 @提及机器人）",
    "No bots are listed: that needs the Server Members intent (Settings). Paste the target bot's user ID instead.": (
        "未列出机器人：这需要 Server Members 意图（见设置）。也可以直接粘贴目标机器人的用户 ID。"
    ),
    "The bot cannot see any text channel in this server.": "机器人在此服务器中看不到任何文字频道。",
    "Checking the channel on Discord\u2026": "正在 Discord 上检查频道\u2026",
    "Choose a channel.": "请选择一个频道。",
    "Please correct the fields marked above.": "请更正上方标出的字段。",
    "The bot cannot see channel {0}. Check the ID and that the bot is a member of the server with View Channel "
    "permission.": "机器人看不到频道 {0}。请检查 ID，并确认机器人是该服务器的成员且有\u201c查看频道\u201d权限。",
    "Channel {0} belongs to another server ({1}).": "频道 {0} 属于另一个服务器（{1}）。",
    "Something went wrong: {0}": "出现问题：{0}",
    # ---------------------------------------------------------------- Validation messages (core.config)
    "{0} is not a Discord ID. IDs are 17 to 20 digits; copy one with Developer Mode on (right-click \u2192 Copy ID).": (
        "{0} 不是 Discord ID。ID 由 17 到 20 位数字组成；请开启开发者模式后复制（右键 \u2192 复制 ID）。"
    ),
    "{0} is not a time of day; use HH:MM from 00:00 to 23:59.": "{0} 不是有效的时间；请使用 00:00 到 23:59 的 HH:MM 格式。",
    "{0} is not a known time zone; use an IANA name such as Asia/Shanghai.": (
        "{0} 不是已知的时区；请使用 IANA 名称，例如 Asia/Shanghai。"
    ),
    "{0} is not a whole number from {1} to {2}.": "{0} 不是 {1} 到 {2} 之间的整数。",
    "Expected a whole number from {0} to {1}.": "需要 {0} 到 {1} 之间的整数。",
    "{0} is out of range; use {1} to {2}.": "{0} 超出范围；请使用 {1} 到 {2}。",
    "{0} has no supported scheme; use http://, https://, socks5:// or socks5h://.": (
        "{0} 的协议不受支持；请使用 http://、https://、socks5:// 或 socks5h://。"
    ),
    "{0} has an invalid port.": "{0} 的端口无效。",
    "{0} needs a host and a port, e.g. http://127.0.0.1:7890.": "{0} 需要主机和端口，例如 http://127.0.0.1:7890。",
    "{0} is not an http(s) URL, e.g. https://discord.com/api/v10.": (
        "{0} 不是 http(s) 网址，例如 https://discord.com/api/v10。"
    ),
    "The message template is empty.": "消息模板为空。",
    "The template is too long ({0} characters; keep it under 1800).": "模板太长（{0} 个字符；请少于 1800 个）。",
    "The template has an unbalanced brace; write {{ for a literal {.": "模板中的花括号不成对；要输出字面的 { 请写 {{。",
    "Unknown placeholder {{0}}; use {1}.": "未知的占位符 {{0}}；请使用 {1}。",
    "Channel {0} is already configured.": "频道 {0} 已经配置过了。",
    "A temporary channel for this server and category is already configured.": "此服务器和分类的临时频道已经配置过了。",
    "Channel names are at most 100 characters.": "频道名称最多 100 个字符。",
    "{0} is not a configured channel.": "{0} 不是已配置的频道。",
    "Required.": "必填。",
    # ---------------------------------------------------------------- Token
    "Bot token": "机器人令牌",
    "CDP Desktop posts the keep-alive as your Discord bot.": "CDP Desktop 以你的 Discord 机器人身份发送保活消息。",
    "Paste the bot token from the Discord Developer Portal (Applications \u2192 your app \u2192 Bot \u2192 Reset "
    "Token). It is checked by logging in, then stored in the system keyring.": (
        "粘贴来自 Discord 开发者门户的机器人令牌（Applications \u2192 你的应用 \u2192 Bot \u2192 Reset Token）。"
        "令牌会先通过登录验证，然后保存在系统密钥环中。"
    ),
    "Show": "显示",
    "Validate && save": "验证并保存",
    "Use for this session only": "仅在本次运行中使用",
    "Log in with this token until CDP Desktop quits, without storing it anywhere.": (
        "使用此令牌登录直到 CDP Desktop 退出，不在任何地方保存。"
    ),
    "Clear token\u2026": "清除令牌\u2026",
    "Clear token": "清除令牌",
    "No keyring is available to store the token (start GNOME Keyring or KWallet in your desktop session). You "
    "can still use the token for this session only: it is kept in memory and never written to a file.": (
        "没有可用于保存令牌的系统密钥环（请在桌面会话中启动 GNOME Keyring 或 KWallet）。"
        "你仍可以仅在本次运行中使用令牌：它只保存在内存中，绝不会写入文件。"
    ),
    "The keyring is locked. Saving will ask your desktop to unlock it.": "系统密钥环已锁定。保存时桌面会请求解锁。",
    "A token is stored. Enter a new one to replace it.": "已保存一个令牌。输入新令牌即可替换。",
    "Still working\u2026 If your desktop asks for the keyring password, unlock it; the window stays usable "
    "meanwhile.": "仍在处理\u2026 如果桌面要求输入密钥环密码，请解锁；在此期间窗口仍可正常使用。",
    "Waiting for the keyring to unlock\u2026": "正在等待系统密钥环解锁\u2026",
    "Logging in to Discord\u2026": "正在登录 Discord\u2026",
    "Logged in as {0}. The token is saved in the system keyring.": "已登录为 {0}。令牌已保存在系统密钥环中。",
    "Logged in as {0}, but the keyring could not store the token: it is used for this session only.": (
        "已登录为 {0}，但系统密钥环无法保存令牌：它仅在本次运行中使用。"
    ),
    "Logged in as {0}. The token is used for this session only.": "已登录为 {0}。令牌仅在本次运行中使用。",
    "the bot": "机器人",
    "Remove the bot token from the keyring? CDP Desktop goes offline until you enter a new one.": (
        "要从系统密钥环中删除机器人令牌吗？在输入新令牌之前，CDP Desktop 将处于离线状态。"
    ),
    "Removing the token\u2026": "正在删除令牌\u2026",
    "The token was removed.": "令牌已删除。",
    "Copy it again from the Discord Developer Portal (Applications \u2192 your app \u2192 Bot \u2192 Reset Token).": (
        "请从 Discord 开发者门户重新复制（Applications \u2192 你的应用 \u2192 Bot \u2192 Reset Token）。"
    ),
    "The token is empty.": "令牌为空。",
    "The token is too long (bot tokens have about 70 characters).": "令牌太长（机器人令牌大约 70 个字符）。",
    "A bot token has three parts separated by dots; this text has {0}.": "机器人令牌由三段组成，以点分隔；这段文本有 {0} 段。",
    "The token contains characters a bot token cannot have (only letters, digits, - and _ between the dots).": (
        "令牌包含机器人令牌中不可能出现的字符（点之间只能有字母、数字、- 和 _）。"
    ),
    "The first part of a bot token encodes the bot's user ID, and this one does not; it may be the client secret "
    "or the public key instead.": "机器人令牌的第一段编码了机器人的用户 ID，而这段文本不是；它可能是客户端密钥（Client Secret）或公钥。",
    # ---------------------------------------------------------------- Settings
    "Settings": "设置",
    "Daily at:": "每天时间：",
    "Time zone:": "时区：",
    " s": " 秒",
    "A random delay of up to this many seconds after the scheduled time.": "在计划时间之后随机延迟，最多这么多秒。",
    "Random delay:": "随机延迟：",
    "Catch up a missed run (computer asleep or offline)": "补发错过的运行（电脑休眠或离线时）",
    "How long to wait for the target bot's reply (0: do not wait).": "等待目标机器人回复的时长（0：不等待）。",
    "Wait for reply:": "等待回复：",
    "Message:": "消息：",
    "Schedule": "计划",
    "none, e.g. http://127.0.0.1:7890 or socks5://127.0.0.1:1080": "无，例如 http://127.0.0.1:7890 或 socks5://127.0.0.1:1080",
    "Test": "测试",
    "Reach the Discord API through this proxy.": "通过此代理访问 Discord API。",
    "Proxy:": "代理：",
    "API base URL:": "API 基础网址：",
    "Show whether target bots are online (presence intents)": "显示目标机器人是否在线（Presence 意图）",
    "Needs the Server Members and Presence intents enabled for your bot in the Discord Developer Portal "
    "(Applications \u2192 your app \u2192 Bot \u2192 Privileged Gateway Intents). Without them, the reply check "
    "is used instead.": (
        "需要在 Discord 开发者门户中为你的机器人启用 Server Members 和 Presence 意图"
        "（Applications \u2192 你的应用 \u2192 Bot \u2192 Privileged Gateway Intents）。未启用时改用回复检查。"
    ),
    "Connection": "连接",
    "Show desktop notifications when something fails": "出现问题时显示桌面通知",
    "System": "跟随系统",
    "A new language applies after CDP Desktop restarts.": "新的语言将在 CDP Desktop 重启后生效。",
    "Language:": "语言：",
    "Start CDP Desktop when I log in": "登录时启动 CDP Desktop",
    "Not available on this system yet.": "此系统暂不支持。",
    "Desktop": "桌面",
    "Not saved: {0}": "未保存：{0}",
    "Could not change the login item: {0}": "无法更改登录启动项：{0}",
    "Connecting\u2026": "正在连接\u2026",
    "Works: {0}": "可用：{0}",
    "Failed: {0}": "失败：{0}",
    # ---------------------------------------------------------------- First run
    "Welcome to CDP Desktop": "欢迎使用 CDP Desktop",
    "Channels": "频道",
    "Choose the channels that get the daily keep-alive. You can change them later.": (
        "选择每天接收保活消息的频道。之后可以随时更改。"
    ),
    "Add channel\u2026": "添加频道\u2026",
    "temporary channel": "临时频道",
    "The keep-alive is sent once a day at this time, plus a small random delay.": "保活消息每天在此时间发送一次，另加少量随机延迟。",
    "More options are in Settings.": "更多选项请见\u201c设置\u201d。",
    "OK": "确定",
    # ---------------------------------------------------------------- Main window, models, tray (UI-1)
    "Dismiss": "关闭",
    "Channel": "频道",
    "Guild": "服务器",
    "Target bot": "目标机器人",
    "State": "状态",
    "Last success": "上次成功",
    "Last error": "上次错误",
    "Reply": "回复",
    "{0:.1f} s": "{0:.1f} 秒",
    "Channel ID: {0}": "频道 ID：{0}",
    "Bot ID: {0}": "机器人 ID：{0}",
    "Guild ID: {0}": "服务器 ID：{0}",
    "Unexpected error: {0}. Details are in the log.": "意外错误：{0}。详细信息见日志。",
    "Start": "启动",
    " \u2014 demo": " \u2014 演示",
    "&Add channel\u2026": "添加频道(&A)\u2026",
    "&Edit channel\u2026": "编辑频道(&E)\u2026",
    "&Remove channel": "移除频道(&R)",
    "&Disable": "停用(&D)",
    "&Enable": "启用(&E)",
    "Run keep-alive &now": "立即运行保活(&N)",
    "Re-add &missing channels": "重新创建缺失的频道(&M)",
    "&Pause schedule": "暂停计划(&P)",
    "&Resume schedule": "恢复计划(&R)",
    "&Settings\u2026": "设置(&S)\u2026",
    "Bot &token\u2026": "机器人令牌(&T)\u2026",
    "Open &log folder": "打开日志文件夹(&L)",
    "&Close window": "关闭窗口(&C)",
    "&Quit": "退出(&Q)",
    "&File": "文件(&F)",
    "&Channels": "频道(&C)",
    "&Demo": "演示(&D)",
    "Starting\u2026": "正在启动\u2026",
    "Add\u2026": "添加\u2026",
    "Edit\u2026": "编辑\u2026",
    "Disable": "停用",
    "Enable": "启用",
    "Remove": "移除",
    "Re-add missing channels": "重新创建缺失的频道",
    "Re-add missing channels ({0})": "重新创建缺失的频道（{0}）",
    "Run now": "立即运行",
    "No channels yet. Click \u201cAdd\u2026\u201d to choose one.": "还没有频道。点击\u201c添加\u2026\u201d选择一个。",
    "Recent runs": "最近的运行",
    "Open log folder": "打开日志文件夹",
    "Select a run to see what happened.": "选择一次运行以查看详情。",
    "No runs yet": "尚无运行记录",
    "Last run {when}: {summary}": "上次运行 {when}：{summary}",
    "Connected": "已连接",
    "Reconnecting\u2026": "正在重新连接\u2026",
    "Offline": "离线",
    "Token rejected by Discord": "令牌被 Discord 拒绝",
    "No bot token": "没有机器人令牌",
    "via proxy {0}": "通过代理 {0}",
    "List servers": "列出服务器",
    "Running keep-alive\u2026": "正在运行保活\u2026",
    "Run finished: {0}": "运行完成：{0}",
    "Paused": "已暂停",
    "Running\u2026": "正在运行\u2026",
    "Waiting for the network": "正在等待网络",
    "No run scheduled": "没有计划的运行",
    "Next run due now ({0})": "下次运行：现在（{0}）",
    "Next run in {countdown} (at {time})": "{countdown} 后运行（{time}）",
    "Re-adding\u2026": "正在重新创建\u2026",
    "Re-created {0} channel(s).": "已重新创建 {0} 个频道。",
    "Could not re-create a channel: {0}": "无法重新创建频道：{0}",
    "No channel is missing.": "没有缺失的频道。",
    "Remove channel": "移除频道",
    "Stop sending keep-alives to {0}?\nThe channel itself stays on Discord; only this app forgets it.": (
        "停止向 {0} 发送保活消息吗？\n频道本身仍保留在 Discord 上，只是本应用不再记录它。"
    ),
    "This dialog is not available: {0}": "此对话框不可用：{0}",
    "Could not open {0}": "无法打开 {0}",
    "Delete a channel on the server": "在服务器上删除一个频道",
    "Let the target bot reply": "让目标机器人回复",
    "Silence the target bot": "让目标机器人不再回复",
    "Restore the token": "恢复令牌",
    "Revoke the token": "吊销令牌",
    "Bring the server back": "让服务器恢复在线",
    "Take the server offline": "让服务器离线",
    "Demo: channel {0} was deleted on the server. Run now to see the app notice it.": (
        "演示：频道 {0} 已在服务器上被删除。点击\u201c立即运行\u201d看看应用如何发现它。"
    ),
    "Demo: no configured channel is left to delete.": "演示：没有可删除的已配置频道了。",
    "Keep running?": "继续在后台运行？",
    "There is no system tray on this desktop. Keep sending keep-alives in the background after the window "
    "closes?\nStart CDP Desktop again to bring the window back.": (
        "此桌面没有系统托盘。关闭窗口后是否继续在后台发送保活消息？\n再次启动 CDP Desktop 即可重新打开窗口。"
    ),
    "Keep running": "继续运行",
    "Quit": "退出",
    "Don't ask again": "不再询问",
    "Warning": "警告",
    "Failed": "失败",
    "Setup error": "设置错误",
    "Running": "运行中",
    "Skipped": "已跳过",
    "Started": "开始时间",
    "Trigger": "触发方式",
    "Outcome": "结果",
    "Scheduled": "计划",
    "Catch-up": "补发",
    "Manual": "手动",
    "Retry": "重试",
    "Re-add": "重新创建",
    "Slot {0}": "时段 {0}",
    "{action} failed: {error}": "{action}失败：{error}",
    "All channels OK": "所有频道正常",
    "Some channels need attention": "部分频道需要处理",
    "Keep-alive failing": "保活失败",
    "{0} missing": "{0} 个缺失",
    "Schedule paused": "计划已暂停",
    "Next run: {0}": "下次运行：{0}",
    "Open CDP Desktop": "打开 CDP Desktop",
    "Run keep-alive now": "立即运行保活",
    "Resume schedule": "恢复计划",
    "Pause schedule": "暂停计划",
    "Settings\u2026": "设置\u2026",
    "Demo": "演示",
    # ---------------------------------------------------------------- GUI flows (About, hints, notices per run)
    ("AboutDialog", "About CDP Desktop"): "关于 CDP Desktop",
    (
        "AboutDialog",
        "Posts a daily keep-alive message that mentions your Discord bot, so that bots such as Coze bots behind coze-discord-proxy stay active.",
    ): "每天发送一条 @提及你的 Discord 机器人的保活消息，让 coze-discord-proxy 后面的 Coze 等机器人保持活跃。",
    ("AboutDialog", "Version"): "版本",
    ("AboutDialog", "Built with"): "构建于",
    ("AboutDialog", "Log folder"): "日志文件夹",
    ("AboutDialog", "Settings folder"): "设置文件夹",
    ("AboutDialog", "Links"): "链接",
    ("AboutDialog", "Discord Developer Portal"): "Discord 开发者门户",
    ("MainWindow", "&About CDP Desktop"): "关于 CDP Desktop(&A)",
    ("MainWindow", "&Help"): "帮助(&H)",
    ("Notice", "Retrying at {retry}."): "将于 {retry} 重试。",
    ("Notice", "Discord unreachable"): "无法连接 Discord",
    ("Notice", "{channel} no longer exists on Discord. Use \u201cRe-add missing channels\u201d."): "{channel} 在 Discord 上已不存在。请使用\u201c重新创建缺失的频道\u201d。",
    ("Notice", "{count} channels no longer exist on Discord ({channels}). Use \u201cRe-add missing channels\u201d."): "{count} 个频道在 Discord 上已不存在（{channels}）。请使用\u201c重新创建缺失的频道\u201d。",
    ("Notice", "The bot cannot see or write to {channel}."): "机器人无法查看 {channel} 或在其中发言。",
    ("Notice", "The bot cannot see or write to {count} channels ({channels})."): "机器人无法查看 {count} 个频道或在其中发言（{channels}）。",
    ("Notice", "{channel} could not be reached."): "无法连接到 {channel}。",
    ("Notice", "{count} channels could not be reached."): "{count} 个频道无法连接。",
    ("Notice", "The keep-alive for {channel} did not go out."): "{channel} 的保活消息未能发出。",
    ("Notice", "The keep-alive for {count} channels did not go out."): "{count} 个频道的保活消息未能发出。",
    ("Notice", "The target bot did not answer in {channel}."): "目标机器人未在 {channel} 中回复。",
    ("Notice", "The target bots did not answer in {count} channels ({channels})."): "目标机器人未在 {count} 个频道中回复（{channels}）。",
    ("Notice", "{channel} is working again."): "{channel} 已恢复正常。",
    ("Notice", "{count} channels are working again."): "{count} 个频道已恢复正常。",
    ("ChannelsModel", "Keep-alive"): "保活",
    ("ChannelsModel", "Last success: {0}"): "上次成功：{0}",
    ("Due", "today at {0}"): "今天 {0}",
    ("Due", "tomorrow at {0}"): "明天 {0}",
    ("Due", "yesterday at {0}"): "昨天 {0}",
    ("Due", "{date} at {time}"): "{date} {time}",
    ("Due", "disabled \u2014 no keep-alive"): "已停用——不发送保活",
    ("Due", "schedule paused"): "计划已暂停",
    ("Due", "sent \u2014 next {0}"): "已发送——下次：{0}",
    ("Due", "sent {0} \u2014 next {1}"): "已于{0}发送——下次：{1}",
    ("Due", "added {0} \u2014 first keep-alive {1}"): "{0}添加——首次保活：{1}",
    ("Due", "due since {0} \u2014 Run now sends it"): "自{0}起待发送——\u201c立即运行\u201d会发送",
    ("Due", "today"): "今天",
    ("Due", "yesterday"): "昨天",
    ("MainWindow", "&Send again now"): "立即再次发送(&S)",
    ("MainWindow", "{trigger} run {when} \u2014 for the keep-alive due {slot}"): "{trigger}运行于{when}——对应{slot}的保活",
    ("MainWindow", "Still starting; try again in a moment."): "仍在启动，请稍后再试。",
    ("MainWindow", "A keep-alive run is already going."): "保活运行已在进行中。",
    ("MainWindow", "Sending the keep-alive\u2026"): "正在发送保活消息\u2026",
    ("MainWindow", "Discord rejected the bot token, so nothing was sent. Enter a new one in Bot token\u2026"): "Discord 拒绝了机器人令牌，因此未发送任何消息。请在\u201c机器人令牌\u2026\u201d中输入新令牌。",
    ("MainWindow", "No bot token is set, so nothing was sent. Enter one in Bot token\u2026"): "尚未设置机器人令牌，因此未发送任何消息。请在\u201c机器人令牌\u2026\u201d中输入。",
    ("MainWindow", "Sent to what was due; {0} channel(s) already had today's keep-alive (Channels \u2192 Send again now)."): "已发送到待发送的频道；{0} 个频道今天已收到保活（频道 \u2192 立即再次发送）。",
    ("MainWindow", "Nothing was due"): "没有待发送的保活",
    ("MainWindow", "All {0} channel(s) already got the keep-alive for {1}. Send it again now anyway?"): "全部 {0} 个频道都已收到{1}的保活。仍要立即再次发送吗？",
    ("MainWindow", "Send again now"): "立即再次发送",
    ("MainWindow", "Sending the keep-alive again\u2026"): "正在再次发送保活消息\u2026",
    ("RunsModel", "For the keep-alive due {0}"): "对应{0}的保活",
    ("", "user ID of the target bot to mention (and expect a reply from)"): "要 @提及的目标机器人的用户 ID（并等待它回复）",
    ("", "send without mentioning a bot (no bot is pinged, so none is kept active)"): "发送时不 @提及任何机器人（不会提醒任何机器人，因此也不会让它保持活跃）",
    ("ChannelEditor", "User ID of the target bot, e.g. 1234567890123456789"): "目标机器人的用户 ID，例如 1234567890123456789",
    ("ChannelEditor", "Send without mentioning a bot (no bot is pinged, so none is kept active)"): "发送时不 @提及机器人（不会提醒任何机器人，因此也不会让它保持活跃）",
    ("ChannelEditor", "Choose the target bot to mention, or tick \u201cSend without mentioning a bot\u201d."): "请选择要 @提及的目标机器人，或勾选\u201c发送时不 @提及机器人\u201d。",
    ("ConfigError", "The template has no {mention}: a message that does not mention the target bot does not keep it active."): "模板中没有 {mention}：不 @提及目标机器人的消息无法让它保持活跃。",
    ("", "Connecting to Discord\u2026"): "正在连接 Discord\u2026",
    ("", "{done}/{total} channels done"): "已完成 {done}/{total} 个频道",
    ("", "{n} waiting for the target bot's reply"): "{n} 个正在等待目标机器人回复",
    ("DaemonRunning", "To open the window, stop it first: click \u201cStop it and open the window\u201d, or run \u201csystemctl --user stop cdp-desktop\u201d if it runs as a service, or \u201ckill {pid}\u201d."): "要打开窗口，请先停止它：点击\u201c停止它并打开窗口\u201d；如果它作为服务运行，请执行\u201csystemctl --user stop cdp-desktop\u201d；或者执行\u201ckill {pid}\u201d。",
    ("DaemonRunning", "To open the window, stop it first: run \u201csystemctl --user stop cdp-desktop\u201d if it runs as a service, or end the \u201ccdp-desktop daemon\u201d process."): "要打开窗口，请先停止它：如果它作为服务运行，请执行\u201csystemctl --user stop cdp-desktop\u201d；否则请结束\u201ccdp-desktop daemon\u201d进程。",
    ("DaemonRunning", "CDP Desktop is already running"): "CDP Desktop 已在运行",
    ("DaemonRunning", "CDP Desktop is already running in the background, without a window (cdp-desktop daemon{pid}), for {folder}. Only one of them can send the keep-alives."): "CDP Desktop 已在后台无窗口运行（cdp-desktop daemon{pid}），数据文件夹为 {folder}。同一时间只能有一个实例发送保活消息。",
    ("DaemonRunning", "&Stop it and open the window"): "停止它并打开窗口(&S)",
    ("DaemonRunning", "The background instance (PID {pid}) did not stop. Stop it by hand, then start CDP Desktop again."): "后台实例（PID {pid}）没有停止。请手动停止它，然后重新启动 CDP Desktop。",
    ("ChannelsPage", "Add at least one channel to go on."): "请至少添加一个频道才能继续。",
    ("MainWindow", "This is the demo: a local Discord sandbox with its own channels and a target bot that replies; nothing reaches Discord and its files are removed on Quit. Try Run now, then the Demo menu: delete a channel, silence the bot, take the server offline, revoke the token."): "这是演示：一个本地的 Discord 沙盒，自带频道和会回复的目标机器人；不会连接真正的 Discord，退出时会删除它的文件。先试试\u201c立即运行\u201d，再试试\u201c演示\u201d菜单：删除频道、让机器人沉默、让服务器离线、吊销令牌。",
    ("TimeZoneCombo", "System ({0})"): "系统（{0}）",
    ("Tray", "Still running in the tray: the keep-alive goes out on time. Click the icon to open the window; Quit is in its menu."): "仍在托盘中运行：保活消息会按时发送。点击图标打开窗口；\u201c退出\u201d在它的菜单中。",
    # ---------------------------------------------------------------- Command line (context "")
    "on ": "开 ",
    "off": "关",
    "on": "开",
    "Enabled {label}.": "已启用 {label}。",
    "Disabled {label}.": "已停用 {label}。",
    "The desktop window is not available yet; here is the status.": "桌面窗口暂不可用；以下是当前状态。",
    "add a channel": "添加频道",
    "change one setting (an empty VALUE resets optional ones)": "修改一项设置（对可选项，VALUE 为空表示恢复默认）",
    "store the bot token (read from stdin, or asked for without echo)": "保存机器人令牌（从标准输入读取，或以不回显方式询问）",
    "check that a token is stored and shaped like a bot token": "检查是否已保存令牌且格式像机器人令牌",
    "remove the token from the keyring": "从系统密钥环中删除令牌",
    "Bot token (input is hidden): ": "机器人令牌（输入不会显示）：",
    "Paused: no keep-alive messages are sent until you resume.": "已暂停：恢复之前不会发送保活消息。",
    "more output on stderr (-vv: debug)": "在标准错误输出更多信息（-vv：调试）",
    "print one JSON document": "输出一个 JSON 文档",
    "Keeps Discord bots alive with a verified daily message, from the system tray.": (
        "从系统托盘每天发送经过验证的消息，让 Discord 机器人保持活跃。"
    ),
    "list and edit the channels that get keep-alive messages": "列出并编辑接收保活消息的频道",
    "server (guild) ID": "服务器（guild）ID",
    "channel ID": "频道 ID",
    "create a temporary channel for each run instead": "改为每次运行时创建一个临时频道",
    "user ID of the bot to mention (and expect a reply from)": "要 @提及（并期待其回复）的机器人的用户 ID",
    "channel name (used to recreate it if it is deleted)": "频道名称（频道被删除时用于重新创建）",
    "category ID": "分类 ID",
    "show the configured channels": "显示已配置的频道",
    "remove a channel from the configuration (never deletes it on Discord)": "从配置中移除频道（绝不会在 Discord 上删除它）",
    "send keep-alive messages to a channel again": "重新向频道发送保活消息",
    "stop sending keep-alive messages to a channel": "停止向频道发送保活消息",
    "show and change settings": "查看和修改设置",
    "print all settings": "输出全部设置",
    "the bot token in the system keyring": "系统密钥环中的机器人令牌",
    "show the configuration and channels": "显示配置和频道",
    "error": "错误",
    "guild {guild}": "服务器 {guild}",
    "Removed {label} from the configuration (nothing was deleted on Discord).": "已从配置中移除 {label}（Discord 上没有删除任何内容）。",
    "{id} is a temporary channel CDP Desktop created for a keep-alive run and deletes when the run ends; choose another channel": "{id} 是 CDP Desktop 为一次保活运行创建的临时频道，运行结束时会被删除；请选择其他频道",
    "from {env}": "来自 {env}",
    "A token is set ({where}) and is shaped like a bot token; Discord checks it on connect.": (
        "已设置令牌（{where}），格式像机器人令牌；连接时由 Discord 验证。"
    ),
    "Configuration: {path}": "配置文件：{path}",
    "Schedule: every day at {time} ({zone}), random delay up to {jitter} s, catch-up {catch_up}": (
        "计划：每天 {time}（{zone}），随机延迟最多 {jitter} 秒，补发 {catch_up}"
    ),
    "Channels: {total} configured, {enabled} enabled": "频道：已配置 {total} 个，已启用 {enabled} 个",
    "print one setting": "输出一项设置",
    "interrupted": "已中断",
    "the log (not writable)": "日志（不可写）",
    "{problem} (see `{prog} --help`)": "{problem}（参见 `{prog} --help`）",
    "category {category}": "分类 {category}",
    "mentions <@{bot}>": "提及 <@{bot}>",
    "Added: {line}": "已添加：{line}",
    "No channels configured. Add one with: {prog} channels add --guild G --channel C": (
        "尚未配置频道。添加方法：{prog} channels add --guild G --channel C"
    ),
    "(system: {zone})": "（系统：{zone}）",
    "no token given; pipe it to `{prog} token set` or run it in a terminal": (
        "未提供令牌；请通过管道传给 `{prog} token set`，或在终端中运行"
    ),
    "keep configuration, history and logs in DIR (env {env})": "将配置、历史记录和日志保存在 DIR 中（环境变量 {env}）",
    "cannot use the app folder: {problem}; pass --home DIR": "无法使用应用文件夹：{problem}；请传入 --home DIR",
    "unexpected {kind}: {problem}. Details are in {log}; please report it.": (
        "意外的{kind}：{problem}。详细信息见 {log}；请报告此问题。"
    ),
    "nothing was due": "没有需要运行的频道",
    "check the stored token by logging in to Discord": "登录 Discord 以检查已保存的令牌",
    "send the keep-alive now": "立即发送保活消息",
    "recreate configured channels deleted on Discord": "重新创建在 Discord 上被删除的已配置频道",
    "run the scheduler without a window (servers)": "无窗口运行计划任务（适用于服务器）",
    "run the local Discord sandbox and print its API base": "运行本地 Discord 沙盒并输出其 API 基础网址",
    "A missed keep-alive is due and runs as soon as the app or daemon is running.": (
        "有一次错过的保活待补发，应用或守护进程运行后会立即执行。"
    ),
    "start the app against the built-in Discord sandbox (no account needed)": "使用内置的 Discord 沙盒启动应用（无需账号）",
    "do not look the channel up on Discord (offline use)": "不在 Discord 上查询频道（离线使用）",
    "only check that a token is stored and shaped right": "只检查是否已保存令牌且格式正确",
    "show the schedule, the channels and their states": "显示计划、频道及其状态",
    "send even to channels already done today": "即使今天已完成的频道也再次发送",
    "port on 127.0.0.1 (default: any)": "127.0.0.1 上的端口（默认：任意）",
    "bot token the sandbox accepts (default: a demo token)": "沙盒接受的机器人令牌（默认：演示令牌）",
    "Next run: {when}": "下次运行：{when}",
    "A token is set ({where}) and is shaped like a bot token.": "已设置令牌（{where}），格式像机器人令牌。",
    "no bot token is set, so the channel was not verified with Discord": "未设置机器人令牌，因此未在 Discord 上验证该频道",
    "channel {channel} belongs to server {actual}, not {given}.": "频道 {channel} 属于服务器 {actual}，而不是 {given}。",
    "Token OK: logged in as {name} ({id}).": "令牌有效：已登录为 {name}（{id}）。",
    "another CDP Desktop is already running for this home{pid}; stop it first, or give this one its own --home": (
        "另一个 CDP Desktop 已在使用此目录运行{pid}；请先停止它，或为这个实例指定单独的 --home"
    ),
    "no bot token is set; run `cdp-desktop token set`": "未设置机器人令牌；请运行 `cdp-desktop token set`",
    "Nothing to do: every enabled channel is done for {slot} (use --force to send again).": (
        "无需操作：所有启用的频道在 {slot} 都已完成（使用 --force 可再次发送）。"
    ),
    "note: could not verify the channel with Discord ({problem}); added as typed": (
        "注意：无法在 Discord 上验证该频道（{problem}）；已按输入内容添加"
    ),
    "the desktop interface cannot start ({problem}); use the command line, e.g. `cdp-desktop status`": (
        "桌面界面无法启动（{problem}）；请使用命令行，例如 `cdp-desktop status`"
    ),
    "Discord says channel {id} does not exist; check the ID.": "Discord 表示频道 {id} 不存在；请检查 ID。",
    # Target bot presence (channels table, ui/models.py; reasons from discord_client.py and service.py)
    "online": "在线",
    "idle": "闲置",
    "do not disturb": "请勿打扰",
    "offline": "离线",
    "Discord shows it {0}.": "Discord 显示其状态为{0}。",
    "Not a failure in itself: the reply check decides whether the keep-alive worked.": (
        "这本身不算失败：保活是否成功由回复检查决定。"
    ),
    "Online status unknown: {0}.": "在线状态未知：{0}。",
    "The reply check (does the bot answer?) is used instead.": "改用回复检查（机器人是否回复）。",
    "presence intents are off in the settings": "设置中未开启 Presence 意图",
    "Discord refused the Server Members and Presence intents (gateway close 4014); enable them for the bot in the Developer Portal": (
        "Discord 拒绝了 Server Members 和 Presence 意图（网关关闭代码 4014）；请在开发者门户中为机器人开启它们"
    ),
    "not connected to Discord": "未连接到 Discord",
    "Discord has not reported this bot in the server": "Discord 未报告该机器人在此服务器中",
    # Context-specific: the same English needs different Chinese.
    ("RunsModel", "OK"): "成功",
    ("RunsModel", "Channels"): "频道",
    ("SettingsDialog", "Schedule"): "计划",
    ("SchedulePage", "Schedule"): "计划时间",
    ("Tray", "Offline"): "离线",
    ("Notifications", "{0}: {1}"): "{0}：{1}",
    ("Notice", "Scheduler stopped"): "调度器已停止",
    ("Notice", "The scheduler stopped unexpectedly; see the log."): "调度器意外停止；请查看日志。",
    # ---------------------------------------------------------------- Run / re-add summaries (ui/texts.py)
    ("Texts", "scheduled"): "定时",
    ("Texts", "catch-up"): "补发",
    ("Texts", "manual"): "手动",
    ("Texts", "retry"): "重试",
    ("Texts", "{0} {1}"): "{1} {0}",
    ("Texts", "{0} already done"): "{0} 个已完成",
    ("Texts", ", "): "，",
    ("Texts", "nothing to do"): "无需执行",
    (
        "Texts",
        "Run {run} ({trigger}, slot {slot}): {body}.",
    ): "第 {run} 次运行（{trigger}，时段 {slot}）：{body}。",
    ("Texts", "No configured channel is missing."): "没有缺失的已配置频道。",
    ("Texts", "{0} channel(s) recreated, {1} failed."): "已重新创建 {0} 个频道，{1} 个失败。",
    ("Texts", "Rebound to the channel recreated earlier."): "已重新绑定到之前重新创建的频道。",
    ("Texts", "Recreated."): "已重新创建。",
    # ---------------------------------------------------------------- Heartbeat strip, channel detail, `history`
    ("ChannelsModel", "Last 30 days"): "最近 30 天",
    ("MainWindow", "Channel &details\u2026"): "频道详情(&D)\u2026",
    ("Heartbeat", "Replied"): "已回复",
    ("Heartbeat", "Sent, no reply"): "已发送，未回复",
    ("Heartbeat", "Sent by another machine"): "由另一台机器发送",
    ("Heartbeat", "Failed"): "失败",
    ("Heartbeat", "Channel missing"): "频道缺失",
    ("Heartbeat", "Not run for this channel"): "未对此频道运行",
    ("Heartbeat", "App not running"): "应用未运行",
    ("Heartbeat", "Not run yet today"): "今天尚未运行",
    ("Heartbeat", "Channel not added yet"): "频道尚未添加",
    "{0:g} s": "{0:g} 秒",
    "today": "今天",
    "No reply times in the last {0} days.": "最近 {0} 天没有回复时间记录。",
    "No history for this channel yet.": "此频道还没有历史记录。",
    "Channel details \u2014 {0}": "频道详情 \u2014 {0}",
    "Current state": "当前状态",
    "Server ID: {0}": "服务器 ID：{0}",
    "Last success: {0}": "上次成功：{0}",
    "Last error: {0} {1}": "上次错误：{0} {1}",
    "Last {0} days": "最近 {0} 天",
    "Reply time, last {0} days": "回复时间（最近 {0} 天）",
    "Runs of this channel": "此频道的运行记录",
    "Close": "关闭",
    "Day": "日期",
    "Recorded": "记录时间",
    "Result": "结果",
    "Details": "详情",
    "Message ID: {0}": "消息 ID：{0}",
    "No runs recorded for this channel in the last {0} days.": "最近 {0} 天内没有此频道的运行记录。",
    "{0}/{1} days": "{0}/{1} 天",
    "Keep-alive delivered on {0} of the last {1} days.": "最近 {1} 天中有 {0} 天成功发送了保活消息。",
    "Sent at {0}": "发送于 {0}",
    "Reply after {0:.1f} s": "{0:.1f} 秒后回复",
    "Earlier that day: {0}": "当天较早时：{0}",
    "Discord error code {0}": "Discord 错误代码 {0}",
    "{0} attempts that day": "当天共尝试 {0} 次",
    "one row per channel and day: outcome, sent time, reply time, message ID, error": (
        "每个频道每天一行：结果、发送时间、回复时间、消息 ID、错误"
    ),
    "replied": "已回复",
    "sent, no reply": "已发送，未回复",
    "sent by another machine": "由另一台机器发送",
    "failed": "失败",
    "channel missing": "频道缺失",
    "not run": "未运行",
    "app not running": "应用未运行",
    "not yet": "尚未运行",
    "not configured yet": "尚未配置",
    "only this channel (channel ID or uid)": "只显示此频道（频道 ID 或 uid）",
    "print CSV with a header row": "输出带表头行的 CSV",
    "No channels configured.": "尚未配置任何频道。",
    "--days must be a whole number of days from 1 to {max}, not {value!r}; e.g. --days 30": (
        "--days 必须是 1 到 {max} 之间的整数天数，而不是 {value!r}；例如 --days 30"
    ),
    "the last N days, today included (default {n})": "最近 N 天，包括今天（默认 {n}）",
    "{channel}: {ok}/{total} days delivered": "{channel}：{ok}/{total} 天已送达",
    "sent {time}": "发送于 {time}",
    "reply {seconds:.1f} s": "回复 {seconds:.1f} 秒",
    "error {error}": "错误 {error}",
}
