from .time import TimeOffRequestResponse as TimeOffRequestResponse
