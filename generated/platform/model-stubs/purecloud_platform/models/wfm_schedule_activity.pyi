from .wfm import WfmScheduleActivity as WfmScheduleActivity
