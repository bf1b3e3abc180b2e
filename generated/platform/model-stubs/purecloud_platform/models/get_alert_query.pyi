from .get import GetAlertQuery as GetAlertQuery
