from .after import AfterCallWork as AfterCallWork
