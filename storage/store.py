"""The storage facade: the database's connections and its repositories, in one object."""

from __future__ import annotations

import sqlite3

import aiosqlite

from storage.articles import ArticleStore
from storage.database import Database
from storage.feed_store import FeedStore
from storage.follows import FollowStore
from storage.guild_config import GuildConfigStore
from storage.meta import MetaStore, RaceImportStore, RosterImportStore
from storage.outbox import NoticeStore, OutboxStore
from storage.race_threads import RaceThreadStore
from storage.shields import ShieldStore
from storage.subscriptions import SubscriptionStore


class Storage(Database):
    """Every repository over one database; the one interface the rest of the code uses."""

    def __init__(
        self,
        writer: aiosqlite.Connection,
        reader: aiosqlite.Connection,
        lookup_reader: sqlite3.Connection | None = None,
    ) -> None:
        super().__init__(writer, reader, lookup_reader)
        self.feeds = FeedStore(self)
        self.articles = ArticleStore(self)
        self.meta = MetaStore(self)
        self.roster_imports = RosterImportStore(self)
        self.race_imports = RaceImportStore(self)
        self.subscriptions = SubscriptionStore(self)
        self.follows = FollowStore(self)
        self.outbox = OutboxStore(self)
        self.notices = NoticeStore(self)
        self.guild_config = GuildConfigStore(self)
        self.shields = ShieldStore(self)
        self.race_threads = RaceThreadStore(self)
