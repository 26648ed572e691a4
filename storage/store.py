"""The storage facade: the database's connections and its repositories, in one object."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from storage.database import Database

if TYPE_CHECKING:
    from storage.articles import ArticleStore
    from storage.feed_store import FeedStore
    from storage.follows import FollowStore
    from storage.guild_config import GuildConfigStore
    from storage.meta import MetaStore, RaceImportStore, RosterImportStore
    from storage.outbox import NoticeStore, OutboxStore
    from storage.race_threads import RaceThreadStore
    from storage.shields import ShieldStore
    from storage.subscriptions import SubscriptionStore


class Storage(Database):
    """Every repository over one database; the one interface the rest of the code uses.

    Each repository is built, and its module imported, on first use: `domestique health`
    (Docker's health check) reads one table and should not load the other ten."""

    @cached_property
    def feeds(self) -> FeedStore:
        from storage.feed_store import FeedStore

        return FeedStore(self)

    @cached_property
    def articles(self) -> ArticleStore:
        from storage.articles import ArticleStore

        return ArticleStore(self)

    @cached_property
    def meta(self) -> MetaStore:
        from storage.meta import MetaStore

        return MetaStore(self)

    @cached_property
    def roster_imports(self) -> RosterImportStore:
        from storage.meta import RosterImportStore

        return RosterImportStore(self)

    @cached_property
    def race_imports(self) -> RaceImportStore:
        from storage.meta import RaceImportStore

        return RaceImportStore(self)

    @cached_property
    def subscriptions(self) -> SubscriptionStore:
        from storage.subscriptions import SubscriptionStore

        return SubscriptionStore(self)

    @cached_property
    def follows(self) -> FollowStore:
        from storage.follows import FollowStore

        return FollowStore(self)

    @cached_property
    def outbox(self) -> OutboxStore:
        from storage.outbox import OutboxStore

        return OutboxStore(self)

    @cached_property
    def notices(self) -> NoticeStore:
        from storage.outbox import NoticeStore

        return NoticeStore(self)

    @cached_property
    def guild_config(self) -> GuildConfigStore:
        from storage.guild_config import GuildConfigStore

        return GuildConfigStore(self)

    @cached_property
    def shields(self) -> ShieldStore:
        from storage.shields import ShieldStore

        return ShieldStore(self)

    @cached_property
    def race_threads(self) -> RaceThreadStore:
        from storage.race_threads import RaceThreadStore

        return RaceThreadStore(self)
