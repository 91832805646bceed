"""Builds the estate in moto: one legacy server with a CPU alarm and one MySQL 5.7 database in eu-north-1."""
import sys

import boto3

endpoint = sys.argv[1]
session = boto3.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="eu-north-1")
ec2 = session.client("ec2", endpoint_url=endpoint)
image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
instance = ec2.run_instances(ImageId=image, InstanceType="m3.large", MinCount=1, MaxCount=1, TagSpecifications=[
    {"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "legacy-db"}]}])["Instances"][0]["InstanceId"]
session.client("cloudwatch", endpoint_url=endpoint).put_metric_alarm(
    AlarmName="legacy-db-cpu", Namespace="AWS/EC2", MetricName="CPUUtilization", Statistic="Average", Period=300,
    EvaluationPeriods=3, Threshold=90.0, ComparisonOperator="GreaterThanThreshold",
    Dimensions=[{"Name": "InstanceId", "Value": instance}])
session.client("rds", endpoint_url=endpoint).create_db_instance(
    DBInstanceIdentifier="orders-db", Engine="mysql", EngineVersion="5.7.44", DBInstanceClass="db.m4.large",
    AllocatedStorage=20, MasterUsername="admin", MasterUserPassword="not-a-secret-1")
