from .rest import RestErrorDetail as RestErrorDetail
