from .media import MediaRtpStatistics as MediaRtpStatistics
