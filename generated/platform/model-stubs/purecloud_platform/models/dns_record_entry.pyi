from .dns import DnsRecordEntry as DnsRecordEntry
