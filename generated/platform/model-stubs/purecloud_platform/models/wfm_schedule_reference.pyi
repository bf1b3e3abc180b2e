from .wfm import WfmScheduleReference as WfmScheduleReference
