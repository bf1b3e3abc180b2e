from .edge import EdgeLogsJobFile as EdgeLogsJobFile
