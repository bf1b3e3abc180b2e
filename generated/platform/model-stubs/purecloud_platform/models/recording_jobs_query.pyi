from .recording import RecordingJobsQuery as RecordingJobsQuery
