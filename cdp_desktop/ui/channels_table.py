"""The channels table: one row per configured channel, its state badge and its 30-day strip beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .models import ChannelsModel, StateBadgeDelegate


class ChannelsTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channels = ChannelsModel(self)
        self.setModel(self.channels)
        self.setItemDelegateForColumn(ChannelsModel.COL_STATE, StateBadgeDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(28)
        hh = self.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(ChannelsModel.COL_ERROR, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 140), (1, 100), (2, 140), (3, 120), (4, 250), (6, 60)):
            self.setColumnWidth(col, width)
        from .heartbeat import HeartbeatDelegate

        self.setItemDelegateForColumn(ChannelsModel.COL_DAYS, HeartbeatDelegate(self))
        self.setColumnWidth(ChannelsModel.COL_DAYS, 300)
        # Shown beside the state, so the strip is in view at the default window size.
        hh.moveSection(hh.visualIndex(ChannelsModel.COL_DAYS), ChannelsModel.COL_STATE + 1)
