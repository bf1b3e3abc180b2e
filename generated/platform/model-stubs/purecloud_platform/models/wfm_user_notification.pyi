from .wfm import WfmUserNotification as WfmUserNotification
