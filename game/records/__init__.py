"""The one owner of pupil data in the data folder (answers, activity, classes, the LRS outbox, saves).

Pure: no arcade, no HTTP. `game.session` talks to it through `port.PupilRecords`; `teacher_mode` through the typed
methods of `store.Records`. See store.py for the tables, migrations and the erase path.
"""
from .port import PupilRecords
from .rows import (Activity, AttemptScore, ClassInfo, LrsConfig, LrsStatus, ObjectiveScore, OptionCount, Outcome,
                   PupilChapter, Record)
from .saves import LoadResult, SaveStore, atomic_write_text
from .store import (SCHEMA_VERSION, PupilBusy, Records, RecordsError, RecordsReadError, damaged_copies,
                    damaged_sentence, read_lrs_config)
from .types import ClassCode, InvalidName, Pseudonym

__all__ = ["SCHEMA_VERSION", "Activity", "AttemptScore", "ClassCode", "ClassInfo", "InvalidName", "LoadResult",
           "LrsConfig", "LrsStatus", "ObjectiveScore", "OptionCount", "Outcome", "Pseudonym", "PupilBusy", "PupilChapter",
           "PupilRecords", "Record", "Records", "RecordsError", "RecordsReadError", "SaveStore", "atomic_write_text",
           "damaged_copies", "damaged_sentence", "read_lrs_config"]
