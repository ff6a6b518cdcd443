"""What an existing coze-discord-proxy (CDP) setup holds, and how it becomes targets and settings here.

:func:`read_cdp` reads a CDP folder, ``docker-compose.yml``, ``.env`` or ``bot_config.json`` into an
:class:`ImportPlan` without touching anything; :func:`compare` marks what the current configuration already
has; :func:`apply_plan` is the one mutation (for ``update_config``-style callers, so it all lands in one
save or not at all).

Secrets: ``BOT_TOKEN`` and ``PROXY_SECRET`` values are kept only when the caller asks (``read_token`` /
``read_secret``), in fields that never show in a repr. ``USER_AUTHORIZATION`` (a Discord *user* token) is
never kept: only where it was found, so that the user can be told why it is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cdp_files import (
    CdpFileError,
    EnvValue,
    LocatedDict,
    Text,
    Where,
    fail,
    interpolate,
    load_jsonc,
    load_yaml,
    mapping_get,
    mapping_items,
    node_line,
    parse_env,
    scalar,
    sequence,
)
from .config import (
    Config,
    ConfigError,
    Target,
    parse_cdp_url,
    parse_proxy_url,
    parse_snowflake,
    parse_timezone,
)
from .messages import template

_C = "CdpImport"

NO_GUILD_ID = template(
    _C,
    "cdp_import.no_guild_id",
    "GUILD_ID (the server ID) is not set; it belongs in CDP's docker-compose.yml or .env. Import "
    "the CDP folder, or pass --guild G.",
)
BOT_CONFIG_NOT_ARRAY = template(
    _C,
    "cdp_import.bot_config_not_array",
    'bot_config.json must be a JSON array of bots: [{{"cozeBotId": …, "channelId": …}}, …].',
)
NO_CDP_FILES = template(
    _C,
    "cdp_import.no_cdp_files",
    "no coze-discord-proxy files here; looked for docker-compose.yml, .env and data/config/bot_config.json.",
)
BOT_ENTRY_NOT_OBJECT = template(
    _C, "cdp_import.bot_entry_not_object", "each entry of bot_config.json must be an object {{…}}."
)
ENV_NOT_SET = template(
    _C, "cdp_import.env_not_set", "{where}: ${{{name}}} is not set in .env; it was read as empty."
)
ENV_FILE_MISSING = template(_C, "cdp_import.env_file_missing", "env_file {file} does not exist.")
NOT_AN_ID = template(
    _C, "cdp_import.not_an_id", "{key} is '{value}', which is not a Discord ID (17 to 20 digits)."
)
NO_COZE_BOT_ID = template(
    _C, "cdp_import.no_coze_bot_id", "this bot entry has no cozeBotId (the Coze bot's user ID)."
)
MODEL_NOT_LIST = template(
    _C, "cdp_import.model_not_list", 'model must be a list of model names, like ["gpt-4"].'
)
NO_CDP_SERVICE = template(
    _C,
    "cdp_import.no_cdp_service",
    "no coze-discord-proxy service in this compose file (none uses the deanxv/coze-discord-proxy "
    "image or sets GUILD_ID, CHANNEL_ID or COZE_BOT_ID).",
)
NO_SUCH_PATH = template(_C, "cdp_import.no_such_path", "no such file or folder.")
NO_CHANNEL_ID = template(
    _C,
    "cdp_import.no_channel_id",
    "{where}: CHANNEL_ID is not set, so there is no channel to keep COZE_BOT_ID {bot} alive in; add "
    "one with `cdp-desktop channels add`.",
)
PROXY_URL_PROBLEM = template(_C, "cdp_import.proxy_url_problem", "PROXY_URL: {problem}")
UNKNOWN_TZ = template(
    _C,
    "cdp_import.unknown_tz",
    "TZ is '{zone}', which is not a known time zone; use an IANA name such as Asia/Shanghai.",
)
BOT_WITHOUT_CHANNEL = template(
    _C,
    "cdp_import.bot_without_channel",
    "{where}: bot {bot} has no channelId and CHANNEL_ID is not set; add a channel for it with "
    "`cdp-desktop channels add`.",
)
SHARED_CHANNEL = template(
    _C,
    "cdp_import.shared_channel",
    "{where}: Coze bot {bot} uses channel {channel} too; a channel's keep-alive mentions one bot "
    "({first}). Give {bot} a channel of its own and add it with `cdp-desktop channels add`.",
)
COMPOSE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml")
BOT_CONFIG_NAME = "bot_config.json"
CDP_DATA_DIR = "/app/coze-discord-proxy/data"  # where CDP's image keeps data/config/bot_config.json
CDP_DEFAULT_PORT = 7077
CDP_KEYS = ("BOT_TOKEN", "GUILD_ID", "CHANNEL_ID", "COZE_BOT_ID", "PROXY_SECRET", "USER_AUTHORIZATION")
NEVER_READ = "USER_AUTHORIZATION"


@dataclass(frozen=True)
class Found:
    """A value read from a file, and where."""

    value: str
    where: Where


@dataclass
class PlannedTarget:
    guild_id: int
    channel_id: int
    mention_id: int | None
    models: list[str]
    where: Where
    other_bots: list[int] = field(default_factory=list)  # more Coze bots using the same channel
    configured: bool = False  # the configuration already has this channel (filled by compare)

    @property
    def note(self) -> str:
        text = ", ".join(self.models)
        return text if len(text) <= 200 else text[:199] + "\u2026"


@dataclass
class ImportPlan:
    sources: list[Path] = field(default_factory=list)
    targets: list[PlannedTarget] = field(default_factory=list)
    proxy_url: Found | None = None
    timezone: Found | None = None
    cdp_url: Found | None = None
    token_at: Where | None = None
    secret_at: Where | None = None
    user_auth_at: Where | None = None
    stay_active: Found | None = None  # COZE_BOT_STAY_ACTIVE_ENABLE as written (CDP's default is on)
    notes: list[Text] = field(default_factory=list)
    token: str | None = field(default=None, repr=False)  # only with read_token
    secret: str | None = field(default=None, repr=False)  # only with read_secret
    # Filled by compare(): which settings would change ("proxy_url" → (old, new)).
    setting_changes: dict[str, tuple[object, object]] = field(default_factory=dict)

    @property
    def new_targets(self) -> list[PlannedTarget]:
        return [t for t in self.targets if not t.configured]

    def settings(self) -> dict[str, Found]:
        found = {"proxy_url": self.proxy_url, "timezone": self.timezone, "cdp_url": self.cdp_url}
        return {key: value for key, value in found.items() if value is not None}


# --------------------------------------------------------------------------- finding the files


@dataclass
class _Env:
    """The environment of one CDP process, key → value and where it was written."""

    values: dict[str, EnvValue]
    cdp_url: Found | None = None  # from the compose service's published port
    compose_path: Path | None = None
    bot_config: Path | None = None

    def get(self, key: str) -> Found | None:
        found = self.values.get(key)
        if found is None or found.value is None or found.value.strip() == "":
            return None
        return Found(found.value.strip(), found.where)


def read_cdp(
    path: Path | str, *, read_token: bool = False, read_secret: bool = False, guild: int | None = None
) -> ImportPlan:
    """Everything importable from ``path``; raises :class:`CdpFileError` (file and line) on bad input."""
    path = Path(path).expanduser().absolute()
    plan = ImportPlan()
    envs: list[_Env] = []
    bot_configs: list[Path] = []
    if path.is_dir():
        compose = next((path / n for n in COMPOSE_NAMES if (path / n).is_file()), None)
        dotenv = path / ".env"
        if compose is not None:
            envs = _read_compose(compose, plan)
        if not envs and dotenv.is_file():
            envs = [_Env(_read_env_file(dotenv, plan))]
        bot_config = next((c for e in envs if (c := e.bot_config) and c.is_file()), None)
        bot_config = bot_config or _find_bot_config(path)
        if bot_config is not None:
            bot_configs.append(bot_config)
        if not envs and not bot_configs:
            raise fail(
                path,
                None,
                NO_CDP_FILES,
            )
    elif path.suffix.lower() == ".json":
        bot_configs.append(path)
        envs = _neighbour_env(path, plan)
    elif path.suffix.lower() in (".yml", ".yaml"):
        envs = _read_compose(path, plan)
        if not envs:
            raise fail(
                path,
                None,
                NO_CDP_SERVICE,
            )
        found = next((c for e in envs if (c := e.bot_config) and c.is_file()), None)
        if found is not None:
            bot_configs.append(found)
    elif path.exists() or path.name.startswith(".env") or path.suffix == ".env":
        envs = [_Env(_read_env_file(path, plan))]
    else:
        raise fail(path, None, NO_SUCH_PATH)
    _build(plan, envs, bot_configs, read_token=read_token, read_secret=read_secret, guild=guild)
    return plan


def _find_bot_config(folder: Path) -> Path | None:
    for candidate in (
        folder / "data" / "config" / BOT_CONFIG_NAME,
        folder / "config" / BOT_CONFIG_NAME,
        folder / BOT_CONFIG_NAME,
    ):
        if candidate.is_file():
            return candidate
    return None


def _neighbour_env(bot_config: Path, plan: ImportPlan) -> list[_Env]:
    """For a ``bot_config.json`` given alone: the CDP folder it sits in (``<cdp>/data/config/``), if any."""
    for folder in list(bot_config.parents)[:3]:
        compose = next((folder / n for n in COMPOSE_NAMES if (folder / n).is_file()), None)
        if compose is not None:
            envs = _read_compose(compose, plan)
            if envs:
                return envs
        if (folder / ".env").is_file():
            return [_Env(_read_env_file(folder / ".env", plan))]
    return []


def _source(plan: ImportPlan, path: Path) -> None:
    if path not in plan.sources:
        plan.sources.append(path)


def _read_env_file(path: Path, plan: ImportPlan) -> dict[str, EnvValue]:
    values = parse_env(path)
    _source(plan, path)
    return values


# --------------------------------------------------------------------------- docker compose


def _read_compose(path: Path, plan: ImportPlan) -> list[_Env]:
    """One :class:`_Env` per coze-discord-proxy service of the compose file."""
    root = load_yaml(path)
    _source(plan, path)
    folder = path.parent
    project: dict[str, EnvValue] = {}
    if (folder / ".env").is_file():  # compose reads it for ${VAR} in the compose file
        project = parse_env(folder / ".env")
        _source(plan, folder / ".env")

    def lookup(name: str) -> str | None:
        found = project.get(name)
        return found.value if found and name != NEVER_READ else None

    def text(node: Any) -> str | None:
        raw = scalar(node)
        if raw is None:
            return None
        value, unset = interpolate(raw, lookup)
        for name in unset:
            plan.notes.append(
                ENV_NOT_SET(
                    where=str(Where(path, node_line(node))),
                    name=name,
                )
            )
        return value

    services = mapping_get(root, "services")
    if services is None:  # compose file format 1: the services are at the top level
        services = root
    envs = []
    for _name, service in mapping_items(services):
        if mapping_get(service, "environment") is None and mapping_get(service, "env_file") is None:
            continue
        values: dict[str, EnvValue] = {}
        env_file = mapping_get(service, "env_file")
        for entry in [env_file] if scalar(env_file) is not None else sequence(env_file):
            required = True
            file_node = entry
            if mapping_get(entry, "path") is not None:  # long form: {path: ..., required: false}
                file_node = mapping_get(entry, "path")
                required = (scalar(mapping_get(entry, "required")) or "true").lower() != "false"
            file_name = text(file_node)
            if not file_name:
                continue
            env_path = folder / file_name
            if not env_path.is_file():
                if not required:
                    continue
                raise fail(
                    path,
                    node_line(file_node),
                    ENV_FILE_MISSING,
                    file=str(env_path),
                )
            values.update(_read_env_file(env_path, plan))
        environment = mapping_get(service, "environment")
        for item in sequence(environment):  # list form: - KEY=VALUE
            raw = text(item)
            if raw is None:
                continue
            key, sep, value = raw.partition("=")
            values[key.strip()] = EnvValue(value if sep else None, Where(path, node_line(item)))
        for key, node in mapping_items(environment):  # mapping form: KEY: VALUE
            values[key] = EnvValue(text(node), Where(path, node_line(node)))
        image = text(mapping_get(service, "image")) or ""
        if "coze-discord-proxy" not in image and not any(k in values for k in CDP_KEYS):
            continue
        env = _Env(values, compose_path=path)
        network_host = (text(mapping_get(service, "network_mode")) or "") == "host"
        env.cdp_url = _published_url(env, path, mapping_get(service, "ports"), network_host, text)
        env.bot_config = _mounted_bot_config(folder, mapping_get(service, "volumes"), text)
        envs.append(env)
    return envs


def _mounted_bot_config(folder: Path, volumes: Any, text: Any) -> Path | None:
    """``./data:/app/coze-discord-proxy/data`` → ``./data/config/bot_config.json`` (the host side)."""
    for item in sequence(volumes):
        source = target = None
        spec = text(item)
        if spec is not None:
            parts = spec.split(":")
            if len(parts) >= 2:
                source, target = parts[0], parts[1]
        else:
            source, target = text(mapping_get(item, "source")), text(mapping_get(item, "target"))
        if not source or not target or not source.startswith((".", "/", "~")):
            continue  # a named volume: its files are not on the host where we can read them
        host = Path(source).expanduser()
        host = host if host.is_absolute() else folder / host
        target = target.rstrip("/")
        if target == CDP_DATA_DIR:
            return host / "config" / BOT_CONFIG_NAME
        if target == CDP_DATA_DIR + "/config":
            return host / BOT_CONFIG_NAME
    return None


def _published_url(env: _Env, path: Path, ports: Any, network_host: bool, text: Any) -> Found | None:
    """CDP's API as reached from this machine: the published side of its container port."""
    port_found = env.get("PORT")
    container_port = port_found.value if port_found else str(CDP_DEFAULT_PORT)
    if network_host:
        return Found(f"http://127.0.0.1:{container_port}", Where(path))
    for item in sequence(ports):
        spec = text(item)
        host_ip, published, target = "", "", ""
        if spec is not None:
            spec = spec.split("/")[0]  # "7077:7077/tcp"
            parts = spec.rsplit(":", 2)
            if len(parts) == 3:
                host_ip, published, target = parts
            elif len(parts) == 2:
                published, target = parts
            else:
                continue  # only a container port: docker picks a random host port
        else:
            target = text(mapping_get(item, "target")) or ""
            published = text(mapping_get(item, "published")) or ""
            host_ip = text(mapping_get(item, "host_ip")) or ""
        if target != container_port or not published.isdigit():
            continue
        host = host_ip.strip("[]") if host_ip not in ("", "0.0.0.0", "::", "[::]") else "127.0.0.1"
        host = f"[{host}]" if ":" in host else host
        return Found(f"http://{host}:{published}", Where(path, node_line(item)))
    return None


# --------------------------------------------------------------------------- building the plan


def _snowflake(found: Found, key: str) -> int:
    try:
        return parse_snowflake(found.value, key)
    except ConfigError:
        raise CdpFileError(
            found.where,
            NOT_AN_ID(
                key=key,
                value=found.value,
            ),
        ) from None


def _build(
    plan: ImportPlan,
    envs: list[_Env],
    bot_configs: list[Path],
    *,
    read_token: bool,
    read_secret: bool,
    guild: int | None,
) -> None:
    by_channel: dict[int, PlannedTarget] = {}

    def add(guild_id: int, channel: int, bot: int | None, models: Iterable[str], where: Where) -> None:
        existing = by_channel.get(channel)
        if existing is None:
            target = PlannedTarget(guild_id, channel, bot, [], where)
            by_channel[channel] = target
            plan.targets.append(target)
            existing = target
        elif bot is not None and existing.mention_id is None:
            existing.mention_id = bot
        elif bot is not None and bot != existing.mention_id and bot not in existing.other_bots:
            existing.other_bots.append(bot)
            plan.notes.append(
                SHARED_CHANNEL(
                    where=str(where),
                    bot=bot,
                    channel=channel,
                    first=str(existing.mention_id),
                )
            )
        for model in models:
            if model not in existing.models:
                existing.models.append(model)

    default_guild: int | None = guild
    default_channel: Found | None = None
    for env in envs:
        guild_found = env.get("GUILD_ID")
        env_guild = _snowflake(guild_found, "GUILD_ID") if guild_found else guild
        default_guild = default_guild or env_guild
        channel_found, bot_found = env.get("CHANNEL_ID"), env.get("COZE_BOT_ID")
        default_channel = default_channel or channel_found
        bot = _snowflake(bot_found, "COZE_BOT_ID") if bot_found else None
        if channel_found is not None:
            channel = _snowflake(channel_found, "CHANNEL_ID")
            if env_guild is None:
                raise CdpFileError(channel_found.where, _no_guild())
            add(env_guild, channel, bot, [], channel_found.where)
        elif bot_found is not None and not bot_configs:
            plan.notes.append(
                NO_CHANNEL_ID(
                    where=str(bot_found.where),
                    bot=str(bot),
                )
            )
        _settings(plan, env, read_token=read_token, read_secret=read_secret)

    for bot_config in bot_configs:
        _read_bot_config(plan, bot_config, default_guild, default_channel, add, read_secret)


def _no_guild() -> Text:
    return NO_GUILD_ID()


def _settings(plan: ImportPlan, env: _Env, *, read_token: bool, read_secret: bool) -> None:
    proxy = env.get("PROXY_URL")
    if proxy is not None and plan.proxy_url is None:
        try:
            plan.proxy_url = Found(parse_proxy_url(proxy.value) or "", proxy.where)
        except ConfigError as exc:
            raise CdpFileError(proxy.where, PROXY_URL_PROBLEM(problem=exc.problem)) from None
    zone = env.get("TZ")
    if zone is not None and plan.timezone is None:
        try:
            name = parse_timezone(zone.value.lstrip(":"))
        except ConfigError:
            raise CdpFileError(
                zone.where,
                UNKNOWN_TZ(
                    zone=zone.value,
                ),
            ) from None
        if name:
            plan.timezone = Found(name, zone.where)
    if env.cdp_url is not None and plan.cdp_url is None:
        plan.cdp_url = Found(parse_cdp_url(env.cdp_url.value) or env.cdp_url.value, env.cdp_url.where)
    token = env.get("BOT_TOKEN")
    if token is not None and plan.token_at is None:
        plan.token_at = token.where
        if read_token:
            plan.token = token.value
    secret = env.get("PROXY_SECRET")
    if secret is not None and plan.secret_at is None:
        plan.secret_at = secret.where
        if read_secret:  # CDP accepts a comma-separated list; any one of them opens /v1/models
            plan.secret = secret.value.split(",")[0].strip()
    user_auth = env.values.get(NEVER_READ)
    if user_auth is not None and plan.user_auth_at is None:
        plan.user_auth_at = user_auth.where
    stay = env.values.get("COZE_BOT_STAY_ACTIVE_ENABLE")
    if stay is not None and stay.value is not None and plan.stay_active is None:
        plan.stay_active = Found(stay.value.strip(), stay.where)


def _read_bot_config(
    plan: ImportPlan,
    path: Path,
    guild: int | None,
    default_channel: Found | None,
    add: Any,
    read_secret: bool,
) -> None:
    data = load_jsonc(path)
    _source(plan, path)
    if not isinstance(data, list):
        line = data.line if isinstance(data, LocatedDict) else 1
        raise fail(
            path,
            line,
            BOT_CONFIG_NOT_ARRAY,
        )
    for entry in data:
        if not isinstance(entry, LocatedDict):
            raise fail(path, None, BOT_ENTRY_NOT_OBJECT)
        where = Where(path, entry.line)

        def at(key: str, entry: LocatedDict = entry) -> Where:
            return Where(path, entry.key_lines.get(key, entry.line))

        raw_bot = entry.get("cozeBotId")
        if raw_bot in (None, ""):
            raise CdpFileError(
                where,
                NO_COZE_BOT_ID(),
            )
        bot = _snowflake(Found(str(raw_bot), at("cozeBotId")), "cozeBotId")
        raw_channel = entry.get("channelId")
        if raw_channel in (None, ""):
            if default_channel is None:
                plan.notes.append(
                    BOT_WITHOUT_CHANNEL(
                        where=str(where),
                        bot=bot,
                    )
                )
                continue
            channel_found = default_channel
        else:
            channel_found = Found(str(raw_channel), at("channelId"))
        channel = _snowflake(channel_found, "channelId")
        models = entry.get("model")
        if models is None:  # CDP needs it to route requests, but the keep-alive does not
            models = []
        if isinstance(models, str):
            models = [models]
        if not isinstance(models, list) or not all(isinstance(m, str) for m in models):
            raise CdpFileError(
                at("model"),
                MODEL_NOT_LIST(),
            )
        if guild is None:
            raise CdpFileError(where, _no_guild())
        add(guild, channel, bot, models, where)
        secret = entry.get("proxySecret")
        if plan.secret_at is None and isinstance(secret, str) and secret.strip():
            plan.secret_at = at("proxySecret")
            if read_secret:
                plan.secret = secret.strip()


# --------------------------------------------------------------------------- comparing and applying


def compare(plan: ImportPlan, config: Config) -> ImportPlan:
    """Mark targets the configuration already has and the settings that would change; returns ``plan``."""
    configured = config.configured_channel_ids()
    for target in plan.targets:
        target.configured = target.channel_id in configured
    plan.setting_changes = {}
    for key, found in plan.settings().items():
        current = config.get_setting(key)
        if current != found.value:
            plan.setting_changes[key] = (current, found.value)
    return plan


def apply_plan(
    config: Config,
    plan: ImportPlan,
    *,
    channels: Iterable[int] | None = None,
    settings: Iterable[str] | None = None,
) -> tuple[list[Target], list[str]]:
    """Add the plan's new targets and set its settings on ``config`` (in place).

    ``channels`` / ``settings`` limit it to what the user ticked (None: all). Channels already configured
    are skipped, so applying the same plan twice adds nothing. Returns (added targets, changed settings).
    """
    wanted_channels = None if channels is None else set(channels)
    wanted_settings = None if settings is None else set(settings)
    have = config.configured_channel_ids()
    added: list[Target] = []
    for planned in plan.targets:
        if planned.channel_id in have or (
            wanted_channels is not None and planned.channel_id not in wanted_channels
        ):
            continue
        target = Target(
            guild_id=planned.guild_id,
            channel_id=planned.channel_id,
            mention_id=planned.mention_id,
            note=planned.note,
        )
        config.add_target(target)
        have.add(planned.channel_id)
        added.append(target)
    changed: list[str] = []
    for key, found in plan.settings().items():
        if wanted_settings is not None and key not in wanted_settings:
            continue
        if config.get_setting(key) != found.value:
            config.set_setting(key, found.value)
            changed.append(key)
    return added, changed
